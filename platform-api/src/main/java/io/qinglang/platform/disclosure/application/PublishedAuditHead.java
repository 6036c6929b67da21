package io.qinglang.platform.disclosure.application;

import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.audit.domain.ChainLink;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * A body's audit chain head as it is published to anyone: the number, hash and time of its latest audit event, read
 * now, and on request the hash stored at an earlier number, so that an outsider who kept a head (from here, the
 * portal or a disclosure report) can check that the trail up to it was not rewritten since. Like its published
 * reports, only an active body's head is shown; a suspended, leaving or departed body's answers as if it had none.
 */
@ApplicationScoped
public class PublishedAuditHead {

    private final TenantDirectory directory;
    private final AuditTrail audit;

    @Inject
    public PublishedAuditHead(TenantDirectory directory, AuditTrail audit) {
        this.directory = directory;
        this.audit = audit;
    }

    /** What anyone reads: the body, its head, and the link stored at the number asked for (none when none was). */
    public record Answer(String tenant, long seq, String hash, Instant occurredAt, Instant asOf, ChainLink atSeq) {
    }

    /** The head of the body {@code slug}; with {@code seq}, also the link stored there (refused naming {@code pointer}). */
    public Answer read(String slug, String seq, String pointer) {
        Tenant tenant = directory.active(slug, () -> new NotFound("AUDIT_HEAD_NOT_PUBLISHED",
                "Tenant " + slug + " publishes no audit chain head."));
        AuditTrail.HeadReading reading = audit.head(tenant.id(), seq, pointer);
        ChainHead head = reading.head();
        return new Answer(tenant.slug(), head.seq(), head.hash(), head.occurredAt(), head.asOf(), reading.atSeq());
    }
}
