package io.qinglang.platform.configuration.application;

import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.rewards.domain.Money;
import io.qinglang.platform.rewards.domain.RewardRule;
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Channel;

import java.util.List;

/**
 * What the report form and the public portal need to know about a tenant, and nothing more: its names and
 * branding, the channels it takes reports by, its active categories, the deadlines it has chosen to publish and
 * what a substantiated report may earn.
 * No staff, no internal settings, no retired or unpublished entries.
 */
public record PublicConfiguration(String slug, String nameZh, String nameEn, String displayNameZh, String displayNameEn,
                                  boolean hasLogo, boolean acceptingReports, boolean publishesStatistics,
                                  List<PublicChannel> channels,
                                  List<PublicCategory> categories, List<PublishedDeadline> deadlines,
                                  List<RewardSummary> rewards, Departure departure) {

    /**
     * A body leaving the platform ({@code LEAVING}, on the day its grace period ends) or gone from it ({@code LEFT},
     * the day it left), in its time zone; null while it stays.
     */
    public record Departure(String state, java.time.LocalDate on) {
    }

    /** A channel reporters can use, with the details they need to use it. */
    public record PublicChannel(String code, String kind, String nameZh, String nameEn, String contact, String hours,
                                String descriptionZh, String descriptionEn, boolean selfService) {
        public static PublicChannel of(Channel c) {
            return new PublicChannel(c.code(), c.kind().name(), c.nameZh(), c.nameEn(), c.contact(), c.hours(),
                    c.descriptionZh(), c.descriptionEn(), c.kind().selfService());
        }
    }

    /** An active category; {@code parent} places it in the tree. */
    public record PublicCategory(String code, String parent, String nameZh, String nameEn, String descriptionZh,
                                 String descriptionEn, String legalBasis, int sortOrder) {
        public static PublicCategory of(Category c) {
            return new PublicCategory(c.code(), c.parentCode(), c.nameZh(), c.nameEn(), c.descriptionZh(),
                    c.descriptionEn(), c.legalBasis(), c.sortOrder());
        }
    }

    /** A deadline the tenant commits to in public. */
    public record PublishedDeadline(String stage, String category, String severity, int amount, String unit,
                                    Integer extensionAmount, String extensionUnit) {
        public static PublishedDeadline of(DeadlinePolicy p) {
            return new PublishedDeadline(p.stage().name(), p.categoryCode(), p.severity(), p.period().amount(),
                    p.period().unit().name(), p.extension() == null ? null : p.extension().amount(),
                    p.extension() == null ? null : p.extension().unit().name());
        }
    }

    /** What a substantiated report may earn, in the currency's major unit. */
    public record RewardSummary(String category, String severity, String kind, java.math.BigDecimal amount,
                                java.math.BigDecimal percent, java.math.BigDecimal minimum, java.math.BigDecimal cap,
                                String currency, int claimWindowDays, boolean firstReporterOnly) {
        public static RewardSummary of(RewardRule r) {
            return new RewardSummary(r.categoryCode(), r.severity(), r.kind().name(),
                    r.fixedAmount().map(a -> Money.fromMinor(a, r.currency())).orElse(null),
                    r.percentBp().map(bp -> java.math.BigDecimal.valueOf(bp, 2)).orElse(null),
                    r.minimumAmount().map(a -> Money.fromMinor(a, r.currency())).orElse(null),
                    r.capAmount().map(a -> Money.fromMinor(a, r.currency())).orElse(null), r.currency(),
                    r.claimWindowDays(), r.firstReporterOnly());
        }
    }
}
