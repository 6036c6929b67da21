package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.deadlines.domain.CalendarDay;
import io.qinglang.platform.deadlines.domain.CalendarYear;
import io.qinglang.platform.deadlines.domain.ChinaCalendar;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.tenants.domain.TenantProfile;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Onboards an organisation: its identity-provider organization and first admin, then — in one database
 * transaction — the tenant with everything its template seeds (channels, categories, deadline policies,
 * the China 2025–2026 working calendar). If the database step fails the organization and user are removed
 * again, so a failed onboarding leaves nothing behind. The invitation e-mail goes out last; if it fails the
 * tenant stands and the answer says the invitation was not sent.
 */
@ApplicationScoped
public class OnboardingService {

    static final String CALENDAR_SOURCE = "State Council holiday notices (reference/cn-holidays.md)";
    private static final Logger LOG = Logger.getLogger(OnboardingService.class.getName());

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final TenantConfigurationRepository configuration;
    private final DeadlineConfigurationRepository deadlines;
    private final OrganizationDirectory directory;
    private final TenantCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public OnboardingService(TenantTransactions transactions, TenantRepository tenants,
                             TenantConfigurationRepository configuration, DeadlineConfigurationRepository deadlines,
                             OrganizationDirectory directory, TenantCipher cipher, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.configuration = configuration;
        this.deadlines = deadlines;
        this.directory = directory;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Onboards for the given operator (recorded as the first event of the tenant's audit trail). */
    public TenantSummary onboard(OnboardTenant command, String operator) {
        command.validate();
        if (transactions.platform(() -> tenants.findBySlug(command.slug())).isPresent()) {
            throw new TenantSlugTaken(command.slug());
        }
        String organizationId = directory.createOrganization(command.slug(), command.nameEn());
        String adminId = null;
        try {
            adminId = directory.addMember(organizationId, command.admin().email(), command.admin().firstName(),
                    command.admin().lastName(), Set.of("tenant-admin"));
            Tenant tenant = createWithSeeds(command, organizationId, operator);
            return TenantSummary.of(tenant, invite(adminId));
        } catch (AccountFields.Refused e) {
            undo(organizationId, adminId, e);
            throw e.at("/admin");
        } catch (RuntimeException e) {
            undo(organizationId, adminId, e);
            throw e;
        }
    }

    private Tenant createWithSeeds(OnboardTenant command, String organizationId, String operator) {
        TenantId id = TenantId.random();
        TenantTemplate template = TenantTemplate.valueOf(command.template());
        Tenant tenant = new Tenant(id, new TenantProfile(command.slug(), command.nameZh(), command.nameEn(),
                ZoneId.of(command.timeZone()), command.contactEmail(), command.contactPhone()), template,
                cipher.newWrappedDataKey(), clock.instant());
        tenant.linkOrganization(organizationId);
        transactions.inTenant(id, () -> {
            tenants.add(tenant);
            template.channels().forEach(configuration::add);
            template.categories().forEach(configuration::add);
            template.policies().forEach(p -> deadlines.add(p.inForceFrom(tenant.createdAt())));
            ChinaCalendar.exceptions().forEach(day -> deadlines.add(new CalendarDay(day)));
            ChinaCalendar.years().forEach(year -> deadlines.add(new CalendarYear(year, CALENDAR_SOURCE)));
            audit.record(id, new AuditRecord("OPERATOR", operator, "TENANT_ONBOARDED", "TENANT", id.toString(), null,
                    "{\"template\":\"" + template.name() + "\",\"admin\":\"invited\"}"));
        });
        return tenant;
    }

    private boolean invite(String adminId) {
        try {
            directory.invite(adminId);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Invitation e-mail to the first tenant admin failed; it can be re-sent", e);
            return false;
        }
    }

    private void undo(String organizationId, String adminId, RuntimeException cause) {
        try {
            if (adminId != null) {
                directory.deleteUser(adminId);
            }
            directory.deleteOrganization(organizationId);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
