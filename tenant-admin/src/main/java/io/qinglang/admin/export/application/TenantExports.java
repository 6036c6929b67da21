package io.qinglang.admin.export.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A body's export of all its data (DESIGN.md "Data lifecycle"): a tenant admin — or the platform operator, once the
 * body is suspended — asks for it with a passphrase; it is made in the background ({@link ExportMaking}) into one
 * OpenPGP-encrypted ZIP archive, which can be downloaded for {@link #KEPT} once ready. The passphrase is kept sealed
 * under the body's key only until the archive is made, then forgotten; the platform cannot open the archive after.
 * Asking and each download are audited.
 */
@ApplicationScoped
public class TenantExports {

    /** How long a ready archive can be downloaded. */
    public static final Duration KEPT = Duration.ofDays(7);
    static final int MIN_PASSPHRASE = 12;
    static final int MAX_PASSPHRASE = 200;

    /**
     * What asks for an export: the passphrase its archive is encrypted to, and why — the archive opens every reporter's
     * identity, which is never done without a reason in the audit trail.
     */
    public record ExportRequest(String passphrase, String reason) {
        void validate(InputErrors errors) {
            errors.reason("/reason", reason);
            errors.text("/passphrase", passphrase, MAX_PASSPHRASE);
            if (!errors.has("/passphrase") && passphrase.strip().length() < MIN_PASSPHRASE) {
                errors.add("/passphrase", "must be at least " + MIN_PASSPHRASE + " characters");
            }
        }
    }

    /** Who asks: the body's own admin, or the operator (only for a suspended body). */
    public enum Asker { TENANT_ADMIN, OPERATOR }

    /** A ready archive: its name, size and digest, and its bytes a chunk at a time. */
    public record Download(String fileName, long sizeBytes, String sha256, Body body) {
    }

    /** The archive's bytes, written out chunk by chunk. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final ExportStore store;
    private final TenantCipher cipher;
    private final AuditTrail audit;
    private final ExportWorker worker;
    private final Clock clock;

    @Inject
    public TenantExports(TenantTransactions transactions, TenantDirectory tenants, ExportStore store,
                         TenantCipher cipher, AuditTrail audit, ExportWorker worker, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.worker = worker;
        this.clock = clock;
    }

    /** Queues an export of the body; {@code ExportInProgress} (409) while another is queued or being made. */
    public TenantExport request(String slug, ExportRequest request, Asker asker, String actor) {
        InputErrors errors = new InputErrors();
        request.validate(errors);
        errors.throwIfAny();
        Tenant tenant = body(slug, asker);
        UUID id = UUID.randomUUID();
        byte[] sealed = cipher.seal(tenant.id(), request.passphrase().getBytes(StandardCharsets.UTF_8),
                ExportMaking.passphraseContext(id));
        TenantExport queued = transactions.inTenant(tenant.id(), () -> {
            TenantExport export = store.request(id, actor, sealed, now());
            audit.record(tenant.id(), new AuditRecord(asker == Asker.OPERATOR ? "OPERATOR" : "STAFF", actor,
                    "EXPORT_REQUESTED", "EXPORT", id.toString(), request.reason().strip(),
                    "{\"by\":\"" + asker.name() + "\"}"));
            return export;
        });
        worker.wake();
        return queued;
    }

    public List<TenantExport> list(String slug, Asker asker) {
        Tenant tenant = body(slug, asker);
        return transactions.inTenant(tenant.id(), store::list);
    }

    public TenantExport get(String slug, UUID id, Asker asker) {
        Tenant tenant = body(slug, asker);
        return transactions.inTenant(tenant.id(), () -> store.find(id)).orElseThrow(ExportNotFound::new);
    }

    /** A ready archive, its download audited; {@code ExportNotReady} (409) before it is ready or once expired. */
    public Download download(String slug, UUID id, Asker asker, String actor) {
        Tenant tenant = body(slug, asker);
        TenantExport export = transactions.inTenant(tenant.id(), () -> {
            TenantExport found = store.find(id).orElseThrow(ExportNotFound::new);
            if (found.state() != TenantExport.State.READY) {
                throw new ExportNotReady(found.state());
            }
            audit.recordStaffChange(tenant.id(), actor, "EXPORT_DOWNLOADED", "EXPORT", id.toString(),
                    Map.of("by", asker.name(), "sha256", found.sha256()));
            return found;
        });
        int chunks = transactions.inTenant(tenant.id(), () -> store.chunkCount(id));
        return new Download(export.fileName(tenant.slug()), export.sizeBytes(), export.sha256(), out -> {
            for (int seq = 0; seq < chunks; seq++) {
                int next = seq;
                out.write(transactions.inTenant(tenant.id(), () -> store.chunk(id, next)));
            }
        });
    }

    private Tenant body(String slug, Asker asker) {
        Tenant tenant = tenants.require(slug);
        if (asker == Asker.OPERATOR && tenant.status() != TenantStatus.SUSPENDED
                && tenant.status() != TenantStatus.LEAVING) {
            throw new BodyNotSuspended(slug);
        }
        return tenant;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** No export of that id at this body. */
    static final class ExportNotFound extends NotFound {
        ExportNotFound() {
            super("EXPORT_NOT_FOUND", "No such export at this body.");
        }
    }

    /** The operator exports a body's data only once the body is suspended. */
    public static final class BodyNotSuspended extends DomainException {
        BodyNotSuspended(String slug) {
            super("TENANT_NOT_SUSPENDED", Kind.CONFLICT, "The operator may export " + slug
                    + "'s data only while it is suspended or leaving; its own admins export it otherwise.");
        }
    }
}
