package io.qinglang.admin.configuration.application;

import io.qinglang.platform.cases.application.TenantDirectory;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Reads a tenant's configuration for its admins (editing comes with the tenant-administration issue). */
@ApplicationScoped
public class ConfigurationService {

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final TenantConfigurationRepository configuration;
    private final DeadlineConfigurationRepository deadlines;

    @Inject
    public ConfigurationService(TenantTransactions transactions, TenantDirectory tenants,
                                TenantConfigurationRepository configuration, DeadlineConfigurationRepository deadlines) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.configuration = configuration;
        this.deadlines = deadlines;
    }

    public TenantConfigurationView view(String slug) {
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> new TenantConfigurationView(slug, tenant.zone().getId(),
                configuration.channels().stream().map(c -> new TenantConfigurationView.ChannelView(c.code(),
                        c.nameZh(), c.nameEn(), c.kind().name(), c.active())).toList(),
                configuration.categories().stream().map(c -> new TenantConfigurationView.CategoryView(c.code(),
                        c.nameZh(), c.nameEn(), c.urgent(), c.active())).toList(),
                deadlines.policies().stream().map(p -> new TenantConfigurationView.PolicyView(p.stage().name(),
                        p.categoryCode(), p.period().amount(), p.period().unit().name(), p.alertPercents())).toList(),
                List.copyOf(new java.util.TreeSet<>(deadlines.calendar(tenant.zone()).coveredYears()))));
    }
}
