package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.ActorKind;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.Evidence;
import io.qinglang.platform.cases.domain.EvidenceFile;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stores uploaded files on a case, sealed under the tenant's data key and bound to their evidence id. */
@ApplicationScoped
public class EvidenceIntake {

    private final CaseRepository cases;
    private final TenantCipher cipher;

    @Inject
    public EvidenceIntake(CaseRepository cases, TenantCipher cipher) {
        this.cases = cases;
        this.cipher = cipher;
    }

    public void attach(TenantId tenant, CaseId caseId, UUID eventId, List<EvidenceFile> files, ActorKind actor,
                       Instant now) {
        for (EvidenceFile file : files) {
            Evidence evidence = new Evidence(caseId, eventId, file, actor, now);
            cases.add(evidence, cipher.seal(tenant, file.content(), context(evidence.id())));
        }
    }

    /** A file of the case, opened, to be saved by the browser (never shown inline); in the tenant's transaction. */
    public EvidenceDownload download(TenantId tenant, CaseId caseId, UUID evidenceId) {
        Evidence file = cases.evidence(caseId).stream().filter(e -> e.id().equals(evidenceId)).findFirst()
                .orElseThrow(() -> new NotFound("EVIDENCE_NOT_FOUND", "No such file on this case."));
        byte[] sealed = cases.sealedEvidenceContent(caseId, evidenceId).orElseThrow();
        return new EvidenceDownload(file.fileName(), file.contentType(), open(tenant, evidenceId, sealed));
    }

    public byte[] open(TenantId tenant, UUID evidenceId, byte[] sealed) {
        return cipher.open(tenant, sealed, context(evidenceId));
    }

    private static String context(UUID evidenceId) {
        return "evidence:" + evidenceId;
    }
}
