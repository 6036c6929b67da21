package io.qinglang.admin.configuration.application;

import io.qinglang.platform.deadlines.domain.CalendarDay;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Channel;
import io.qinglang.platform.tenants.domain.DisclosureSettings;

import io.qinglang.platform.rewards.domain.Money;
import io.qinglang.platform.rewards.domain.RewardRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's configuration as its staff see it. */
public record TenantConfigurationView(String slug, String timeZone, List<String> restDays, List<ChannelView> channels,
                                      List<CategoryView> categories, List<PolicyView> policies,
                                      List<Integer> calendarYears, DisclosureView disclosure) {

    /** One channel. */
    public record ChannelView(String code, String nameZh, String nameEn, String kind, String contact, String hours,
                              String descriptionZh, String descriptionEn, boolean active, long version) {
        static ChannelView of(Channel c) {
            return new ChannelView(c.code(), c.nameZh(), c.nameEn(), c.kind().name(), c.contact(), c.hours(),
                    c.descriptionZh(), c.descriptionEn(), c.active(), c.version());
        }
    }

    /** One category; {@code parent} is its place in the tree. */
    public record CategoryView(String code, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
                               String parent, String defaultSeverity, boolean urgent, String legalBasis, int sortOrder,
                               boolean active, long version) {
        static CategoryView of(Category c) {
            return new CategoryView(c.code(), c.nameZh(), c.nameEn(), c.descriptionZh(), c.descriptionEn(),
                    c.parentCode(), c.defaultSeverity().name(), c.urgent(), c.legalBasis(), c.sortOrder(), c.active(),
                    c.version());
        }
    }

    /** One deadline policy, in force or (in the history) retired. */
    public record PolicyView(UUID id, String stage, String category, String severity, int amount, String unit,
                             Integer extensionAmount, String extensionUnit, boolean extensionNeedsApproval,
                             List<Integer> alertPercents, boolean pausesWhileWaiting, boolean published,
                             Instant effectiveFrom, Instant retiredAt, String adoptedBy, UUID supersedes) {
        static PolicyView of(DeadlinePolicy p) {
            return new PolicyView(p.id(), p.stage().name(), p.categoryCode(), p.severity(), p.period().amount(),
                    p.period().unit().name(), p.extension() == null ? null : p.extension().amount(),
                    p.extension() == null ? null : p.extension().unit().name(), p.extensionNeedsApproval(),
                    p.alertPercents(), p.pausesWhileWaiting(), p.published(), p.effectiveFrom(), p.retiredAt(),
                    p.createdBy(), p.supersedes());
        }
    }

    /** One reward rule, in force or (in the history) retired; amounts in the currency's major unit. */
    public record RewardRuleView(UUID id, String category, String severity, String kind, BigDecimal amount,
                                 BigDecimal percent, BigDecimal minimum, BigDecimal cap, String currency,
                                 int claimWindowDays, boolean firstReporterOnly, Instant effectiveFrom,
                                 Instant retiredAt, String adoptedBy, UUID supersedes) {
        static RewardRuleView of(RewardRule r) {
            return new RewardRuleView(r.id(), r.categoryCode(), r.severity(), r.kind().name(),
                    r.fixedAmount().map(a -> Money.fromMinor(a, r.currency())).orElse(null),
                    r.percentBp().map(bp -> BigDecimal.valueOf(bp, 2)).orElse(null),
                    r.minimumAmount().map(a -> Money.fromMinor(a, r.currency())).orElse(null),
                    r.capAmount().map(a -> Money.fromMinor(a, r.currency())).orElse(null), r.currency(),
                    r.claimWindowDays(), r.firstReporterOnly(), r.effectiveFrom(), r.retiredAt().orElse(null),
                    r.createdBy(), r.supersedes().orElse(null));
        }
    }

    /** What the tenant publishes. */
    public record DisclosureView(List<String> publicStatistics, int smallCellThreshold, List<String> reportPeriods,
                                 String displayNameZh, String displayNameEn, boolean hasLogo, long version) {
        static DisclosureView of(DisclosureSettings d) {
            return new DisclosureView(d.publicStatistics().stream().map(Enum::name).toList(), d.smallCellK(),
                    d.reportPeriods().stream().map(Enum::name).toList(), d.displayNameZh(), d.displayNameEn(),
                    d.logo() != null, d.version());
        }
    }

    /** The working calendar: its week, the years it lists holidays for, and what is missing. */
    public record CalendarView(String timeZone, List<String> restDays, List<YearView> years, List<String> warnings) {
    }

    /** One year of the calendar. */
    public record YearView(int year, String source, long holidays, long makeUpWorkdays) {
    }

    /** One listed day. */
    public record DayView(String date, String kind, String nameZh, String nameEn) {
        static DayView of(CalendarDay d) {
            var e = d.exception();
            return new DayView(e.date().toString(), e.kind().name(), e.nameZh(), e.nameEn());
        }
    }
}
