package io.qinglang.admin.configuration.application;

import io.qinglang.platform.deadlines.domain.DayKind;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.DurationUnit;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import io.qinglang.platform.rewards.domain.Money;
import io.qinglang.platform.rewards.domain.RewardKind;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.Severity;
import io.qinglang.platform.tenants.domain.ChannelKind;
import io.qinglang.platform.tenants.domain.DisclosureSettings;
import io.qinglang.platform.tenants.domain.PublicStatistic;
import io.qinglang.platform.tenants.domain.ReportPeriod;
import io.qinglang.platform.tenants.domain.Tenant;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A change a tenant admin makes to the configuration, as the request body states it. Each validates its own
 * fields, naming every wrong one by its JSON pointer, before anything is read or written; rules that need the
 * stored configuration (a parent category exists, the tree has no cycle) are checked by the service.
 */
public sealed interface ConfigurationChange {

    Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{2,38}");
    String CODE_RULE = "must be 1-40 lower-case letters, digits or hyphens";

    void validate(InputErrors errors);

    /** Refuses a path code that cannot name a channel or category. */
    static void requireCode(String pointer, String code) {
        new InputErrors().text(pointer, code, 40).matches(pointer, code, CODE, CODE_RULE).throwIfAny();
    }

    /** A channel's whole configuration; {@code contact} is the hotline number, mailbox address or postal address. */
    record ChannelSettings(String nameZh, String nameEn, String kind, String contact, String hours,
                           String descriptionZh, String descriptionEn, Boolean active) implements ConfigurationChange {
        public void validate(InputErrors errors) {
            errors.text("/nameZh", nameZh, 200).text("/nameEn", nameEn, 200).text("/kind", kind, 20)
                    .oneOf("/kind", kind, ChannelKind.class).optionalText("/contact", contact, 500)
                    .optionalText("/hours", hours, 200).optionalText("/descriptionZh", descriptionZh, 2000)
                    .optionalText("/descriptionEn", descriptionEn, 2000);
            if (errors.has("/kind")) {
                return;
            }
            switch (ChannelKind.valueOf(kind)) {
                case HOTLINE -> errors.text("/contact", contact, 40)
                        .matches("/contact", contact, PHONE, "must be a telephone number such as 12377 or +86 10 1234 5678")
                        .text("/hours", hours, 200);
                case EMAIL -> errors.text("/contact", contact, 254).email("/contact", contact);
                case POST -> errors.text("/contact", contact, 500);
                case IN_PERSON -> errors.text("/contact", contact, 500).text("/hours", hours, 200);
                default -> { }
            }
        }

        public ChannelKind channelKind() {
            return ChannelKind.valueOf(kind);
        }

        public boolean isActive() {
            return active == null || active;
        }
    }

    /** A category's whole configuration; {@code parent} places it in the tree (null: at the top). */
    record CategorySettings(String nameZh, String nameEn, String descriptionZh, String descriptionEn, String parent,
                            String defaultSeverity, Boolean urgent, String legalBasis, Integer sortOrder,
                            Boolean active) implements ConfigurationChange {
        public void validate(InputErrors errors) {
            errors.text("/nameZh", nameZh, 200).text("/nameEn", nameEn, 200)
                    .optionalText("/descriptionZh", descriptionZh, 2000).optionalText("/descriptionEn", descriptionEn, 2000)
                    .optionalText("/parent", parent, 40).matches("/parent", parent, CODE, CODE_RULE)
                    .oneOf("/defaultSeverity", defaultSeverity, Severity.class)
                    .optionalText("/legalBasis", legalBasis, 2000).between("/sortOrder", sortOrder, 0, 100_000);
        }

        public Severity severity() {
            return defaultSeverity == null ? Severity.ORDINARY : Severity.valueOf(defaultSeverity);
        }

        public boolean isActive() {
            return active == null || active;
        }
    }

    /** A period as the request states it. */
    record Period(Integer amount, String unit) {
        void validate(InputErrors errors, String at, boolean zeroAllowed) {
            errors.required(at + "/amount", amount).text(at + "/unit", unit, 20).oneOf(at + "/unit", unit, DurationUnit.class);
            if (amount == null || errors.has(at + "/unit")) {
                return;
            }
            DurationUnit u = DurationUnit.valueOf(unit);
            int max = switch (u) {
                case HOURS -> 8_760;
                case CALENDAR_DAYS -> 3_650;
                case WORKING_DAYS -> 2_500;
            };
            int min = zeroAllowed && u == DurationUnit.HOURS ? 0 : 1;
            errors.between(at + "/amount", amount, min, max);
        }

        HandlingPeriod period() {
            return new HandlingPeriod(amount, DurationUnit.valueOf(unit));
        }
    }

    /**
     * A deadline policy for a stage, optionally only for one category and/or severity. Adopting it retires the
     * policy in force for the same stage, category and severity; cases whose clock already started keep theirs.
     */
    record PolicySettings(String stage, String category, String severity, Integer amount, String unit, Period extension,
                          Boolean extensionNeedsApproval, List<Integer> alertPercents, Boolean pausesWhileWaiting,
                          Boolean published) implements ConfigurationChange {
        public void validate(InputErrors errors) {
            errors.text("/stage", stage, 20).oneOf("/stage", stage, DeadlineStage.class)
                    .optionalText("/category", category, 40).matches("/category", category, CODE, CODE_RULE)
                    .oneOf("/severity", severity, Severity.class);
            new Period(amount, unit).validate(errors, "", true);
            if (extension != null) {
                extension.validate(errors, "/extension", false);
                if ("APPEAL_WINDOW".equals(stage)) {
                    errors.add("/extension", "an appeal window is not extended");
                }
            }
            if (alertPercents != null) {
                if (alertPercents.size() > 8) {
                    errors.add("/alertPercents", "must hold at most 8 thresholds");
                }
                for (int i = 0; i < alertPercents.size(); i++) {
                    Integer p = alertPercents.get(i);
                    if (p == null || p < 1 || p > 100) {
                        errors.add("/alertPercents/" + i, "must be a percentage between 1 and 100");
                    } else if (i > 0 && alertPercents.get(i - 1) != null && p <= alertPercents.get(i - 1)) {
                        errors.add("/alertPercents/" + i, "must be greater than the threshold before it");
                    }
                }
            }
        }

        public DeadlineStage deadlineStage() {
            return DeadlineStage.valueOf(stage);
        }

        public HandlingPeriod period() {
            return new Period(amount, unit).period();
        }

        public HandlingPeriod extensionPeriod() {
            return extension == null ? null : extension.period();
        }

        public List<Integer> thresholds() {
            return alertPercents == null ? List.of(50, 80, 100) : List.copyOf(alertPercents);
        }

        public boolean needsApproval() {
            return extensionNeedsApproval == null || extensionNeedsApproval;
        }
    }

    /**
     * A reward rule for all cases, or a category and/or severity: a fixed {@code amount}, or a {@code percent} of a
     * base stated when the reward is proposed, within {@code minimum} and {@code cap}; amounts in the currency's
     * major unit (e.g. 500.00 CNY).
     */
    record RewardRuleSettings(String category, String severity, String kind, java.math.BigDecimal amount,
                              java.math.BigDecimal percent, java.math.BigDecimal minimum, java.math.BigDecimal cap,
                              String currency, Integer claimWindowDays, Boolean firstReporterOnly)
            implements ConfigurationChange {
        public void validate(InputErrors errors) {
            errors.optionalText("/category", category, 40).matches("/category", category, CODE, CODE_RULE)
                    .oneOf("/severity", severity, Severity.class).text("/kind", kind, 20)
                    .oneOf("/kind", kind, RewardKind.class).between("/claimWindowDays", claimWindowDays, 1, 3650);
            String money = currencyCode();
            if (Money.currency(money).isEmpty()) {
                errors.add("/currency", "must be an ISO 4217 currency code such as CNY");
                money = null;
            }
            if (errors.has("/kind")) {
                return;
            }
            if (RewardKind.valueOf(kind) == RewardKind.FIXED) {
                errors.required("/amount", amount);
                positive(errors, "/amount", amount, money);
                if (percent != null) {
                    errors.add("/percent", "applies to a PERCENTAGE rule only");
                }
                if (minimum != null) {
                    errors.add("/minimum", "applies to a PERCENTAGE rule only");
                }
                if (cap != null) {
                    errors.add("/cap", "applies to a PERCENTAGE rule only");
                }
            } else {
                errors.required("/percent", percent);
                if (amount != null) {
                    errors.add("/amount", "applies to a FIXED rule only; a percentage rule has percent, minimum and cap");
                }
                if (percent != null && (percent.signum() <= 0 || percent.compareTo(java.math.BigDecimal.valueOf(100)) > 0
                        || percent.stripTrailingZeros().scale() > 2)) {
                    errors.add("/percent", "must be more than 0 and at most 100, with at most 2 decimals");
                }
                if (minimum != null && (minimum.signum() < 0 || minimum.compareTo(Money.MAX) > 0)) {
                    errors.add("/minimum", "must be between 0 and " + Money.MAX.toPlainString());
                } else if (minimum != null && money != null && !Money.fits(minimum, money)) {
                    errors.add("/minimum", "has more decimals than " + money + " allows");
                }
                positive(errors, "/cap", cap, money);
                if (minimum != null && cap != null && minimum.compareTo(cap) > 0) {
                    errors.add("/cap", "must not be below the minimum");
                }
            }
        }

        private static void positive(InputErrors errors, String at, java.math.BigDecimal value, String currency) {
            if (value == null) {
                return;
            }
            if (value.signum() <= 0 || value.compareTo(Money.MAX) > 0) {
                errors.add(at, "must be more than 0 and at most " + Money.MAX.toPlainString());
            } else if (currency != null && !Money.fits(value, currency)) {
                errors.add(at, "has more decimals than " + currency + " allows");
            }
        }

        public String currencyCode() {
            return currency == null ? "CNY" : currency;
        }

        public RewardKind rewardKind() {
            return RewardKind.valueOf(kind);
        }

        public Long minor(java.math.BigDecimal value) {
            return value == null ? null : Money.toMinor(value, currencyCode());
        }

        public Integer basisPoints() {
            return percent == null ? null : percent.movePointRight(2).intValueExact();
        }

        public int window() {
            return claimWindowDays == null ? 90 : claimWindowDays;
        }

        public boolean firstOnly() {
            return firstReporterOnly == null || firstReporterOnly;
        }
    }

    /** The time zone days are counted in and the weekdays the tenant rests on. */
    /** How many months an ended case's personal data is kept before the purge erases it. */
    record RetentionChoice(Integer months) implements ConfigurationChange {
        public void validate(InputErrors errors) {
            errors.required("/months", months)
                    .between("/months", months, Tenant.MIN_RETENTION_MONTHS, Tenant.MAX_RETENTION_MONTHS);
        }
    }

    record WorkingWeek(String timeZone, List<String> restDays) implements ConfigurationChange {
        public void validate(InputErrors errors) {
            errors.text("/timeZone", timeZone, 64).required("/restDays", restDays);
            if (!errors.has("/timeZone")) {
                errors.timeZone("/timeZone", timeZone);
            }
            if (restDays == null) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < restDays.size(); i++) {
                errors.text("/restDays/" + i, restDays.get(i), 10).oneOf("/restDays/" + i, restDays.get(i), DayOfWeek.class);
                if (restDays.get(i) != null && !seen.add(restDays.get(i))) {
                    errors.add("/restDays/" + i, "is listed twice");
                }
            }
            if (seen.size() >= DayOfWeek.values().length) {
                errors.add("/restDays", "must leave at least one working day in the week");
            }
        }

        public Set<DayOfWeek> rest() {
            Set<DayOfWeek> days = java.util.EnumSet.noneOf(DayOfWeek.class);
            restDays.forEach(d -> days.add(DayOfWeek.valueOf(d)));
            return days;
        }
    }

    /** One listed day of a calendar year: a holiday, or a make-up working day (调休上班). */
    record ListedDay(LocalDate date, String kind, String nameZh, String nameEn) {
    }

    /**
     * A whole year of the calendar: its holidays and make-up working days, replacing what was listed for that
     * year, and from then on counted as complete. {@code restDays} is the tenant's weekly pattern, against which
     * a make-up working day must fall on a rest day.
     */
    record CalendarYearSettings(int year, String source, List<ListedDay> days, Set<DayOfWeek> restDays)
            implements ConfigurationChange {
        public void validate(InputErrors errors) {
            if (year < 1990 || year > 2200) {
                errors.add("/year", "must be between 1990 and 2200");
            }
            errors.optionalText("/source", source, 200).required("/days", days);
            if (days == null) {
                return;
            }
            if (days.size() > 366) {
                errors.add("/days", "must list at most 366 days");
            }
            java.util.Map<LocalDate, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < days.size(); i++) {
                String at = "/days/" + i;
                ListedDay day = days.get(i);
                if (day == null) {
                    errors.add(at, "is required");
                    continue;
                }
                errors.required(at + "/date", day.date()).text(at + "/kind", day.kind(), 10)
                        .oneOf(at + "/kind", day.kind(), DayKind.class)
                        .optionalText(at + "/nameZh", day.nameZh(), 100).optionalText(at + "/nameEn", day.nameEn(), 100);
                if (day.date() == null) {
                    continue;
                }
                if (day.date().getYear() != year) {
                    errors.add(at + "/date", "must be a day of " + year);
                }
                Integer first = seen.putIfAbsent(day.date(), i);
                if (first != null) {
                    errors.add(at + "/date", day.date() + " is already listed as /days/" + first
                            + "; a day is either a holiday or a make-up working day, once");
                }
                if ("WORKDAY".equals(day.kind()) && !restDays.contains(day.date().getDayOfWeek())) {
                    errors.add(at + "/kind", day.date() + " is a " + day.date().getDayOfWeek()
                            + ", already a working day; a make-up working day falls on a rest day");
                }
            }
        }
    }

    /** What the tenant publishes and how its portal is branded. */
    record DisclosureChoices(List<String> publicStatistics, Integer smallCellThreshold, List<String> reportPeriods,
                             String displayNameZh, String displayNameEn) implements ConfigurationChange {
        public void validate(InputErrors errors) {
            errors.required("/publicStatistics", publicStatistics).required("/reportPeriods", reportPeriods)
                    .required("/smallCellThreshold", smallCellThreshold)
                    .optionalText("/displayNameZh", displayNameZh, 200).optionalText("/displayNameEn", displayNameEn, 200);
            if (smallCellThreshold != null && smallCellThreshold < DisclosureSettings.MINIMUM_K) {
                errors.add("/smallCellThreshold", "must be at least " + DisclosureSettings.MINIMUM_K
                        + ": smaller counts could identify reporters");
            } else {
                errors.between("/smallCellThreshold", smallCellThreshold, DisclosureSettings.MINIMUM_K, 1_000);
            }
            names(errors, "/publicStatistics", publicStatistics, PublicStatistic.class);
            names(errors, "/reportPeriods", reportPeriods, ReportPeriod.class);
            if (reportPeriods != null && reportPeriods.isEmpty()) {
                errors.add("/reportPeriods", "must name at least one of MONTHLY, QUARTERLY, YEARLY");
            }
        }

        private static <E extends Enum<E>> void names(InputErrors errors, String at, List<String> values, Class<E> type) {
            if (values == null) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                errors.text(at + "/" + i, values.get(i), 40).oneOf(at + "/" + i, values.get(i), type);
                if (values.get(i) != null && !seen.add(values.get(i))) {
                    errors.add(at + "/" + i, "is listed twice");
                }
            }
        }

        public Set<PublicStatistic> statistics() {
            Set<PublicStatistic> set = java.util.EnumSet.noneOf(PublicStatistic.class);
            publicStatistics.forEach(s -> set.add(PublicStatistic.valueOf(s)));
            return set;
        }

        public Set<ReportPeriod> periods() {
            Set<ReportPeriod> set = java.util.EnumSet.noneOf(ReportPeriod.class);
            reportPeriods.forEach(s -> set.add(ReportPeriod.valueOf(s)));
            return set;
        }
    }
}
