package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantNotFound;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A body leaves the platform (DESIGN.md: "a body can leave: its data is deleted after a grace period"). The operator
 * closes a suspended body with a reason — it is then LEAVING for {@code qinglang.departure.grace-days} (30), time to
 * export its data, and the operator may let it stay after all. When the grace period ends, the periodic job deletes all
 * its rows in one transaction (its audit trail and archived disclosure reports, append-only and free of personal data,
 * stay), shreds its data key, ends its console sessions and records that it left; then its staff accounts and its
 * organization are removed from the identity provider (tried again at the next run if the provider is away). Its row
 * stays, so its slug is never given to another body and its portal page says it has left.
 */
@ApplicationScoped
public class TenantDepartures {

    private static final Logger LOG = Logger.getLogger(TenantDepartures.class.getName());

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final TenantData data;
    private final OrganizationDirectory organizations;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration grace;

    @Inject
    public TenantDepartures(TenantTransactions transactions, TenantRepository tenants, TenantData data,
                            OrganizationDirectory organizations, AuditTrail audit, Clock clock,
                            @ConfigProperty(name = "qinglang.departure.grace-days", defaultValue = "30") int graceDays) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.data = data;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
        this.grace = Duration.ofDays(Math.max(0, graceDays));
    }

    /** How long a leaving body keeps its data. */
    public long graceDays() {
        return grace.toDays();
    }

    /** Closes a suspended body: it leaves when the grace period ends. The reason is required. */
    public TenantSummary leave(String slug, String reason, String operator) {
        new InputErrors().reason("/reason", reason).throwIfAny();
        return change(slug, operator, "TENANT_LEAVING", reason, tenant -> tenant.leave(now().plus(grace)));
    }

    /** A leaving body stays after all: suspended again, its data untouched. The reason is required. */
    public TenantSummary stay(String slug, String reason, String operator) {
        new InputErrors().reason("/reason", reason).throwIfAny();
        return change(slug, operator, "TENANT_STAYING", reason, Tenant::stay);
    }

    private TenantSummary change(String slug, String operator, String action, String reason,
                                 java.util.function.Consumer<Tenant> change) {
        Tenant found = transactions.platform(() -> tenants.findBySlug(slug)).orElseThrow(() -> new TenantNotFound(slug));
        return transactions.inTenant(found.id(), () -> {
            Tenant tenant = tenants.find(found.id()).orElseThrow();
            change.accept(tenant);
            audit.record(tenant.id(), new AuditRecord("OPERATOR", operator, action, "TENANT", tenant.id().toString(),
                    reason.strip(), tenant.leavesAt().map(at -> "{\"leavesAt\":\"" + at + "\"}").orElse(null)));
            return TenantSummary.of(tenant);
        });
    }

    /**
     * Lets every body whose grace period has ended leave, and finishes removing the accounts of bodies that left while
     * the identity provider was away; returns how many bodies left.
     */
    public int run() {
        Instant now = now();
        int left = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            try {
                if (tenant.status() == TenantStatus.LEAVING && !tenant.leavesAt().orElseThrow().isAfter(now)
                        && depart(tenant, now)) {
                    left++;
                }
                if (transactions.platform(() -> tenants.find(tenant.id())).map(t -> t.status() == TenantStatus.LEFT
                        && t.organizationId() != null).orElse(false)) {
                    removeAccounts(tenant);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The departure of " + tenant.slug() + " failed; the next run tries again", e);
            }
        }
        return left;
    }

    private boolean depart(Tenant leaving, Instant now) {
        Map<String, Integer> deleted = transactions.inTenant(leaving.id(), () -> {
            if (!data.claimDeparture(now)) {
                return null; // another node is at it, or it changed meanwhile
            }
            Map<String, Integer> rows = data.deleteAll();
            int sessions = data.endSessions(leaving.slug());
            Tenant tenant = tenants.find(leaving.id()).orElseThrow(); // read after the deletion, which clears the context
            tenant.left(now);
            audit.record(tenant.id(), new AuditRecord("SYSTEM", "departure", "TENANT_LEFT", "TENANT",
                    tenant.id().toString(), null, "{\"sessions\":" + sessions + ",\"deleted\":{" + rows.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",")) + "}}"));
            return rows;
        });
        if (deleted == null) {
            return false;
        }
        LOG.info("Departure: " + leaving.slug() + " has left; " + deleted.values().stream().mapToInt(Integer::intValue)
                .sum() + " rows deleted");
        return true;
    }

    private void removeAccounts(Tenant tenant) {
        String organization = transactions.platform(() -> tenants.find(tenant.id())).orElseThrow().organizationId();
        for (String user : organizations.memberIds(organization)) {
            organizations.deleteUser(user);
        }
        organizations.deleteOrganization(organization);
        transactions.inTenant(tenant.id(), () -> {
            Tenant left = tenants.find(tenant.id()).orElseThrow();
            left.unlinkOrganization();
            audit.record(tenant.id(), new AuditRecord("SYSTEM", "departure", "TENANT_ACCOUNTS_REMOVED", "TENANT",
                    tenant.id().toString(), null, "{\"organization\":\"" + organization + "\"}"));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
