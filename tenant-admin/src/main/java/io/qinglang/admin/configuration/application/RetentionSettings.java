package io.qinglang.admin.configuration.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.admin.configuration.application.ConfigurationChange.RetentionChoice;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditQuery;
import io.qinglang.platform.retention.application.RetentionPurge;
import io.qinglang.platform.retention.domain.RetentionOutlook;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.ConcurrentUpdate;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A body's retention of ended cases as its tenant admins see and set it: the months personal data is kept, the
 * template's default, and where the purge stands (due now, due within 30 days, on legal hold, purged so far).
 */
@ApplicationScoped
public class RetentionSettings {

    /**
     * The retention, its bounds and the template's default, where the purge stands, the latest purges (newest first)
     * and the version to change.
     */
    public record RetentionView(int months, int minimumMonths, int maximumMonths, int templateMonths,
                                RetentionOutlook outlook, List<PurgeRun> recentPurges, long version) {
    }

    /** One purge as its audit event tells it: when, and what it erased. */
    public record PurgeRun(Instant at, int cases, int evidenceFiles, long evidenceBytes, int texts, int identities,
                           int paymentDetails) {
    }

    static final int RECENT_PURGES = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final TenantRepository tenantRepository;
    private final RetentionPurge purge;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public RetentionSettings(TenantTransactions transactions, TenantDirectory tenants,
                             TenantRepository tenantRepository, RetentionPurge purge, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.tenantRepository = tenantRepository;
        this.purge = purge;
        this.audit = audit;
        this.clock = clock;
    }

    public RetentionView view(String slug) {
        Tenant tenant = tenants.require(slug);
        return new RetentionView(tenant.retentionMonths(), Tenant.MIN_RETENTION_MONTHS, Tenant.MAX_RETENTION_MONTHS,
                tenant.template().retentionMonths(), purge.outlook(tenant, clock.instant()), recentPurges(tenant),
                tenant.version());
    }

    private List<PurgeRun> recentPurges(Tenant tenant) {
        return audit.search(tenant.id(), new AuditQuery(null, "CASES_PURGED", null, null, null, null, RECENT_PURGES))
                .stream().map(RetentionSettings::run).toList();
    }

    private static PurgeRun run(AuditEntry event) {
        try {
            JsonNode counts = JSON.readTree(event.details());
            return new PurgeRun(event.occurredAt(), counts.path("cases").asInt(), counts.path("evidenceFiles").asInt(),
                    counts.path("evidenceBytes").asLong(), counts.path("texts").asInt(),
                    counts.path("identities").asInt(), counts.path("paymentDetails").asInt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event " + event.seq() + " holds no purge counts", e);
        }
    }

    /**
     * Sets how many months an ended case's personal data is kept (at least two years), provided the body's settings
     * are still at {@code expectedVersion} (null: whatever they are). A shorter retention makes cases due sooner; the
     * purge erases them at its next run.
     */
    public RetentionView revise(String slug, RetentionChoice choice, Long expectedVersion, String actor) {
        InputErrors errors = new InputErrors();
        choice.validate(errors);
        errors.throwIfAny();
        Tenant tenant = tenants.require(slug);
        transactions.inTenant(tenant.id(), () -> {
            Tenant managed = tenantRepository.find(tenant.id()).orElseThrow();
            ConcurrentUpdate.check("retention", expectedVersion, managed.version());
            int before = managed.retentionMonths();
            managed.reviseRetention(choice.months());
            audit.recordStaffChange(tenant.id(), actor, "CONFIG_RETENTION_SAVED", "TENANT", tenant.id().toString(),
                    Map.of("months", choice.months(), "before", before));
        });
        return view(slug);
    }
}
