package io.qinglang.platform.configuration.application;

import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.rewards.domain.RewardRepository;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Channel;
import io.qinglang.platform.tenants.domain.ChannelKind;
import io.qinglang.platform.tenants.domain.DisclosureSettings;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.tenants.domain.TenantNotFound;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds what reporters and the portal may see of a tenant's configuration, for the API and the pages alike. */
@ApplicationScoped
public class PublicConfigurations {

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final TenantConfigurationRepository configuration;
    private final DeadlineConfigurationRepository deadlines;
    private final RewardRepository rewards;

    @Inject
    public PublicConfigurations(TenantTransactions transactions, TenantRepository tenants,
                                TenantConfigurationRepository configuration, DeadlineConfigurationRepository deadlines,
                                RewardRepository rewards) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.configuration = configuration;
        this.deadlines = deadlines;
        this.rewards = rewards;
    }

    /** A body on the platform's front page. */
    public record TenantCard(String slug, String nameZh, String nameEn, String displayNameZh, String displayNameEn) {
    }

    /** The active bodies that publish statistics, by slug. */
    public List<TenantCard> publishing() {
        List<TenantCard> cards = new java.util.ArrayList<>();
        for (Tenant tenant : transactions.platform(tenants::list)) {
            if (tenant.status() != TenantStatus.ACTIVE) {
                continue;
            }
            DisclosureSettings disclosure = transactions.inTenant(tenant.id(), configuration::disclosure);
            if (!disclosure.publicStatistics().isEmpty()) {
                cards.add(new TenantCard(tenant.slug(), tenant.profile().nameZh(), tenant.profile().nameEn(),
                        disclosure.displayNameZh(), disclosure.displayNameEn()));
            }
        }
        cards.sort(java.util.Comparator.comparing(TenantCard::slug));
        return cards;
    }

    private static PublicConfiguration.Departure departure(Tenant tenant) {
        return switch (tenant.status()) {
            case LEAVING -> new PublicConfiguration.Departure("LEAVING",
                    tenant.leavesAt().orElseThrow().atZone(tenant.zone()).toLocalDate());
            case LEFT -> new PublicConfiguration.Departure("LEFT", tenant.leftAt().orElseThrow().atZone(tenant.zone())
                    .toLocalDate());
            default -> null;
        };
    }

    public PublicConfiguration of(String slug) {
        Tenant tenant = (slug == null || slug.length() > 40 ? java.util.Optional.<Tenant>empty()
                : transactions.platform(() -> tenants.findBySlug(slug))).orElseThrow(() -> new TenantNotFound(slug));
        return transactions.inTenant(tenant.id(), () -> {
            List<Category> active = configuration.categories().stream().filter(Category::active).toList();
            Set<String> activeCodes = active.stream().map(Category::code).collect(Collectors.toSet());
            DisclosureSettings disclosure = configuration.disclosure();
            return new PublicConfiguration(tenant.slug(), tenant.profile().nameZh(), tenant.profile().nameEn(),
                    disclosure.displayNameZh(), disclosure.displayNameEn(), disclosure.logo() != null,
                    tenant.status() == TenantStatus.ACTIVE,
                    tenant.status() == TenantStatus.ACTIVE && !disclosure.publicStatistics().isEmpty(),
                    configuration.channels().stream().filter(Channel::active)
                            .filter(c -> c.kind() != ChannelKind.TRANSFER_IN)
                            .map(PublicConfiguration.PublicChannel::of).toList(),
                    active.stream().map(PublicConfiguration.PublicCategory::of).toList(),
                    deadlines.policies().stream().filter(DeadlinePolicy::published)
                            .filter(p -> p.categoryCode() == null || activeCodes.contains(p.categoryCode()))
                            .map(PublicConfiguration.PublishedDeadline::of).toList(),
                    rewards.rules().stream().filter(r -> r.categoryCode() == null || activeCodes.contains(r.categoryCode()))
                            .map(PublicConfiguration.RewardSummary::of).toList(), departure(tenant));
        });
    }
}
