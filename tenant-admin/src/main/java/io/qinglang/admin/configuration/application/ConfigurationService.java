package io.qinglang.admin.configuration.application;

import io.qinglang.admin.configuration.application.ConfigurationChange.CalendarYearSettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.CategorySettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.ChannelSettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.DisclosureChoices;
import io.qinglang.admin.configuration.application.ConfigurationChange.ListedDay;
import io.qinglang.admin.configuration.application.ConfigurationChange.PolicySettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.RewardRuleSettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.WorkingWeek;
import io.qinglang.admin.configuration.application.TenantConfigurationView.CalendarView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.CategoryView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.ChannelView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.DayView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.DisclosureView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.PolicyView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.RewardRuleView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.YearView;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.deadlines.domain.CalendarDay;
import io.qinglang.platform.deadlines.domain.CalendarException;
import io.qinglang.platform.deadlines.domain.CalendarYear;
import io.qinglang.platform.deadlines.domain.DayKind;
import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.deadlines.domain.DeadlineCalculator;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.rewards.domain.RewardRepository;
import io.qinglang.platform.rewards.domain.RewardRule;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.ConcurrentUpdate;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Channel;
import io.qinglang.platform.tenants.domain.DisclosureSettings;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and changes a tenant's configuration. Every change is validated in full before anything is written,
 * takes effect at once (nothing is cached), and is recorded in the tenant's audit trail in the same transaction.
 * {@code expectedVersion}, when given (the client's If-Match), must be the version the client read.
 */
@ApplicationScoped
public class ConfigurationService {

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final TenantRepository tenantRepository;
    private final TenantConfigurationRepository configuration;
    private final DeadlineConfigurationRepository deadlines;
    private final AuditTrail audit;
    private final RewardRepository rewards;
    private final Clock clock;

    @Inject
    public ConfigurationService(TenantTransactions transactions, TenantDirectory tenants,
                                TenantRepository tenantRepository, TenantConfigurationRepository configuration,
                                DeadlineConfigurationRepository deadlines, AuditTrail audit, RewardRepository rewards,
                                Clock clock) {
        this.rewards = rewards;
        this.transactions = transactions;
        this.tenants = tenants;
        this.tenantRepository = tenantRepository;
        this.configuration = configuration;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    public TenantConfigurationView view(String slug) {
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> new TenantConfigurationView(slug, tenant.zone().getId(),
                names(tenant.restDays()),
                configuration.channels().stream().map(ChannelView::of).toList(),
                configuration.categories().stream().map(CategoryView::of).toList(),
                deadlines.policies().stream().map(PolicyView::of).toList(),
                List.copyOf(new TreeSet<>(deadlines.calendar(tenant.zone(), tenant.restDays()).coveredYears())),
                DisclosureView.of(configuration.disclosure())));
    }

    // Channels

    public ChannelView putChannel(String slug, String code, ChannelSettings s, Long expectedVersion, String actor) {
        ConfigurationChange.requireCode("/code", code);
        validate(s);
        return inTenant(slug, tenant -> {
            Channel channel = configuration.channel(code).orElse(null);
            checkVersion("channel " + code, expectedVersion, channel == null ? null : channel.version());
            if (channel == null) {
                channel = new Channel(code, s.nameZh(), s.nameEn(), s.channelKind(), s.contact());
                configuration.add(channel);
            }
            channel.revise(s.nameZh(), s.nameEn(), s.channelKind(), s.contact(), s.hours(), s.descriptionZh(),
                    s.descriptionEn(), s.isActive());
            record(tenant, actor, "CONFIG_CHANNEL_SAVED", "CHANNEL", code, s);
            deadlines.flush(); // the view carries the version the change made
            return ChannelView.of(channel);
        });
    }

    // Categories

    public CategoryView putCategory(String slug, String code, CategorySettings s, Long expectedVersion, String actor) {
        ConfigurationChange.requireCode("/code", code);
        validate(s);
        return inTenant(slug, tenant -> {
            Map<String, Category> all = configuration.categories().stream()
                    .collect(Collectors.toMap(Category::code, Function.identity()));
            Category category = all.get(code);
            checkVersion("category " + code, expectedVersion, category == null ? null : category.version());
            checkTree(code, s, all);
            if (category == null) {
                category = new Category(code, s.nameZh(), s.nameEn(), Boolean.TRUE.equals(s.urgent()),
                        s.sortOrder() == null ? all.size() : s.sortOrder());
                configuration.add(category);
            }
            category.revise(s.nameZh(), s.nameEn(), s.descriptionZh(), s.descriptionEn(), s.parent(), s.severity(),
                    Boolean.TRUE.equals(s.urgent()), s.legalBasis(),
                    s.sortOrder() == null ? category.sortOrder() : s.sortOrder(), s.isActive());
            record(tenant, actor, "CONFIG_CATEGORY_SAVED", "CATEGORY", code, s);
            deadlines.flush(); // the view carries the version the change made
            return CategoryView.of(category);
        });
    }

    /** The parent exists and is active, the tree stays a tree, and a retired category has no active children. */
    private static void checkTree(String code, CategorySettings s, Map<String, Category> all) {
        InputErrors errors = new InputErrors();
        if (s.parent() != null) {
            Category parent = all.get(s.parent());
            if (s.parent().equals(code)) {
                errors.add("/parent", "a category cannot be its own parent");
            } else if (parent == null) {
                errors.add("/parent", "is not a category of this tenant");
            } else if (!parent.active() && s.isActive()) {
                errors.add("/parent", "is retired; an active category cannot sit under a retired one");
            } else {
                Set<String> path = new HashSet<>();
                for (Category up = parent; up != null; up = up.parentCode() == null ? null : all.get(up.parentCode())) {
                    if (up.code().equals(code) || !path.add(up.code())) {
                        errors.add("/parent", "would make a cycle: " + s.parent() + " lies under " + code);
                        break;
                    }
                }
            }
        }
        if (!s.isActive()) {
            List<String> activeChildren = all.values().stream()
                    .filter(c -> code.equals(c.parentCode()) && c.active()).map(Category::code).sorted().toList();
            if (!activeChildren.isEmpty()) {
                errors.add("/active", "cannot retire a category with active sub-categories: "
                        + String.join(", ", activeChildren));
            }
        }
        errors.throwIfAny();
    }

    // Deadline policies

    public List<PolicyView> policies(String slug, boolean history) {
        return inTenant(slug, tenant -> (history ? deadlines.policyHistory() : deadlines.policies()).stream()
                .map(PolicyView::of).toList());
    }

    /** What adopting a policy would do: when a clock starting now would fall due, and the policy it replaces. */
    public record PolicyPreview(Instant startingAt, Instant dueAt, java.time.LocalDate dueDate,
                                boolean calendarIncomplete, PolicyView replaces) {
    }

    /** The policy in force the adopter saw for the scope when they decided ({@code id} null: none was). */
    public record SeenInForce(UUID id) {
    }

    /** Works out, without adopting it, what a policy would mean for a report received now. */
    public PolicyPreview previewPolicy(String slug, PolicySettings s) {
        validate(s);
        return inTenant(slug, tenant -> {
            requireCategory(s);
            Instant now = now();
            Deadline due = new DeadlineCalculator().dueAt(now, s.period(),
                    deadlines.calendar(tenant.zone(), tenant.restDays()));
            DeadlinePolicy current = inForce(s);
            return new PolicyPreview(now, due.dueAt(), due.dueDate(), due.calendarIncomplete(),
                    current == null ? null : PolicyView.of(current));
        });
    }

    /** Adopts a policy, retiring the one in force for the same stage, category and severity. */
    public PolicyView adoptPolicy(String slug, PolicySettings s, String actor) {
        return adoptPolicy(slug, s, actor, null);
    }

    /**
     * Adopts a policy as {@link #adoptPolicy(String, PolicySettings, String)} does, refused (409) if the policy in
     * force for its scope is no longer the one {@code seen} names: someone adopted another meanwhile.
     */
    public PolicyView adoptPolicy(String slug, PolicySettings s, String actor, SeenInForce seen) {
        validate(s);
        return inTenant(slug, tenant -> {
            requireCategory(s);
            Instant now = now();
            DeadlinePolicy previous = inForce(s);
            UUID previousId = previous == null ? null : previous.id();
            if (seen != null && !java.util.Objects.equals(seen.id(), previousId)) {
                throw new ConcurrentUpdate("deadline policy in force", 0, 0);
            }
            if (previous != null) {
                previous.retire(now);
                deadlines.flush(); // the retirement first, so the one-in-force index never sees two
            }
            DeadlinePolicy adopted = DeadlinePolicy.adopted(s.deadlineStage(), s.category(), s.severity(), s.period(),
                    s.extensionPeriod(), s.needsApproval(), s.thresholds(), Boolean.TRUE.equals(s.pausesWhileWaiting()),
                    s.published() == null || s.published(), actor, previous, now);
            deadlines.add(adopted);
            record(tenant, actor, "CONFIG_POLICY_ADOPTED", "DEADLINE_POLICY", adopted.id().toString(), s);
            deadlines.flush(); // the view carries the version the change made
            return PolicyView.of(adopted);
        });
    }

    private void requireCategory(PolicySettings s) {
        if (s.category() != null && configuration.category(s.category()).isEmpty()) {
            new InputErrors().add("/category", "is not a category of this tenant").throwIfAny();
        }
    }

    private DeadlinePolicy inForce(PolicySettings s) {
        return deadlines.policies().stream().filter(p -> p.sameScope(s.deadlineStage(), s.category(), s.severity()))
                .findFirst().orElse(null);
    }

    /** Takes a policy out of force; clocks already running under it keep their deadlines. */
    public PolicyView retirePolicy(String slug, UUID id, String actor) {
        return inTenant(slug, tenant -> {
            DeadlinePolicy policy = deadlines.policy(id).filter(DeadlinePolicy::inForce)
                    .orElseThrow(() -> new NotFound("DEADLINE_POLICY_NOT_FOUND", "No deadline policy " + id
                            + " is in force at this tenant."));
            policy.retire(now());
            record(tenant, actor, "CONFIG_POLICY_RETIRED", "DEADLINE_POLICY", id.toString(), Map.of());
            deadlines.flush(); // the view carries the version the change made
            return PolicyView.of(policy);
        });
    }

    // Reward rules

    public List<RewardRuleView> rewardRules(String slug, boolean history) {
        return inTenant(slug, tenant -> (history ? rewards.ruleHistory() : rewards.rules()).stream()
                .map(RewardRuleView::of).toList());
    }

    /** Adopts a reward rule, retiring the one in force for the same category and severity. */
    public RewardRuleView adoptRewardRule(String slug, RewardRuleSettings s, String actor) {
        return adoptRewardRule(slug, s, actor, null);
    }

    /**
     * Adopts a reward rule, refused (409) if the rules in force for its scope are no longer as the adopter saw them:
     * {@code seenInForce} holds every rule in force when their page was read ({@code null}: no check).
     */
    public RewardRuleView adoptRewardRule(String slug, RewardRuleSettings s, String actor, Set<UUID> seenInForce) {
        validate(s);
        return inTenant(slug, tenant -> {
            if (s.category() != null && configuration.category(s.category()).isEmpty()) {
                new InputErrors().add("/category", "is not a category of this tenant").throwIfAny();
            }
            Instant now = now();
            RewardRule previous = rewards.rules().stream().filter(r -> r.sameScope(s.category(), s.severity()))
                    .findFirst().orElse(null);
            if (seenInForce != null && (previous != null ? !seenInForce.contains(previous.id())
                    : rewards.ruleHistory().stream().anyMatch(r -> r.sameScope(s.category(), s.severity())
                    && seenInForce.contains(r.id())))) {
                throw new ConcurrentUpdate("reward rule in force", 0, 0);
            }
            if (previous != null) {
                previous.retire(now);
                rewards.flush(); // the retirement first, so the one-in-force index never sees two
            }
            RewardRule adopted = RewardRule.adopted(s.category(), s.severity(), s.rewardKind(), s.minor(s.amount()),
                    s.basisPoints(), s.minor(s.minimum()), s.minor(s.cap()), s.currencyCode(), s.window(),
                    s.firstOnly(), actor, previous, now);
            rewards.add(adopted);
            record(tenant, actor, "CONFIG_REWARD_RULE_ADOPTED", "REWARD_RULE", adopted.id().toString(), s);
            return RewardRuleView.of(adopted);
        });
    }

    /** Takes a reward rule out of force; rewards already proposed keep their amounts. */
    public RewardRuleView retireRewardRule(String slug, UUID id, String actor) {
        return inTenant(slug, tenant -> {
            RewardRule rule = rewards.rule(id).filter(RewardRule::inForce)
                    .orElseThrow(() -> new NotFound("REWARD_RULE_NOT_FOUND", "No reward rule " + id
                            + " is in force at this tenant."));
            rule.retire(now());
            record(tenant, actor, "CONFIG_REWARD_RULE_RETIRED", "REWARD_RULE", id.toString(), Map.of());
            return RewardRuleView.of(rule);
        });
    }

    // Working calendar

    public CalendarView calendar(String slug) {
        return inTenant(slug, this::calendarView);
    }

    public CalendarView reviseWorkingWeek(String slug, WorkingWeek week, String actor) {
        validate(week);
        return inTenant(slug, tenant -> {
            Tenant managed = tenantRepository.find(tenant.id()).orElseThrow();
            managed.reviseWorkingWeek(java.time.ZoneId.of(week.timeZone()), week.rest());
            record(tenant, actor, "CONFIG_WORKING_WEEK_SAVED", "CALENDAR", null, week);
            return calendarView(managed);
        });
    }

    public List<DayView> calendarYear(String slug, int year) {
        return inTenant(slug, tenant -> {
            if (deadlines.year(year).isEmpty() && deadlines.days(year).isEmpty()) {
                throw new NotFound("CALENDAR_YEAR_NOT_FOUND", "The calendar lists nothing for " + year + ".");
            }
            return deadlines.days(year).stream().map(DayView::of).toList();
        });
    }

    /** The year's listed days as a change of the calendar would state them, e.g. for export. */
    public List<ListedDay> listedDays(String slug, int year) {
        return calendarYear(slug, year).stream().map(d -> new ListedDay(java.time.LocalDate.parse(d.date()), d.kind(),
                d.nameZh(), d.nameEn())).toList();
    }

    /**
     * What replacing a year's listed days would change, worked out without writing: days added, removed and changed
     * (a new kind or name), and the fingerprint of the year as it stands, which the replacement must then name.
     */
    public record YearChanges(int year, List<ListedDay> added, List<ListedDay> removed, List<ListedDay> changed,
                              int unchanged, String fingerprint) {
        public boolean none() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public YearChanges previewYear(String slug, int year, List<ListedDay> listed) {
        Tenant known = tenants.require(slug);
        validate(new CalendarYearSettings(year, null, listed, known.restDays()));
        List<ListedDay> days = listed.stream().map(ConfigurationService::named).toList();
        return inTenant(slug, tenant -> {
            List<ListedDay> now = listed(year);
            Map<java.time.LocalDate, ListedDay> before = now.stream()
                    .collect(Collectors.toMap(ListedDay::date, Function.identity()));
            Map<java.time.LocalDate, ListedDay> after = days.stream()
                    .collect(Collectors.toMap(ListedDay::date, Function.identity(), (a, b) -> b));
            List<ListedDay> added = days.stream().filter(d -> !before.containsKey(d.date())).toList();
            List<ListedDay> changed = days.stream().filter(d -> before.containsKey(d.date()) && !before.get(d.date()).equals(d))
                    .toList();
            List<ListedDay> removed = now.stream().filter(d -> !after.containsKey(d.date())).toList();
            int unchanged = (int) days.stream().filter(d -> d.equals(before.get(d.date()))).count();
            return new YearChanges(year, added, removed, changed, unchanged, fingerprint(year, now));
        });
    }

    /** Replaces a year's holidays and make-up working days; the year then counts as complete. */
    public YearView replaceYear(String slug, int year, String source, List<ListedDay> days, String actor) {
        return replaceYear(slug, year, source, days, actor, null);
    }

    /**
     * Replaces a year as {@link #replaceYear(String, int, String, List, String)} does, refused (409) if the year no
     * longer stands as {@code fingerprint} (from {@link #previewYear}) says: someone changed it since the preview.
     */
    public YearView replaceYear(String slug, int year, String source, List<ListedDay> days, String actor,
                                String fingerprint) {
        Tenant known = tenants.require(slug);
        CalendarYearSettings settings = new CalendarYearSettings(year, source, days, known.restDays());
        validate(settings);
        return inTenant(slug, tenant -> {
            if (fingerprint != null && !fingerprint.equals(fingerprint(year, listed(year)))) {
                throw new ConcurrentUpdate("calendar year " + year, 0, 0);
            }
            deadlines.removeYear(year);
            days.stream().map(ConfigurationService::named).forEach(d -> deadlines.add(new CalendarDay(
                    new CalendarException(d.date(), DayKind.valueOf(d.kind()), d.nameZh(), d.nameEn()))));
            String from = source == null || source.isBlank() ? "tenant admin " + actor : source.strip();
            from = from.length() > 200 ? from.substring(0, 200) : from;
            deadlines.add(new CalendarYear(year, from));
            record(tenant, actor, "CONFIG_CALENDAR_YEAR_REPLACED", "CALENDAR", Integer.toString(year),
                    Map.of("source", from, "days", days.size()));
            return yearView(new CalendarYear(year, from), days.stream().map(ListedDay::kind).toList());
        });
    }

    private List<ListedDay> listed(int year) {
        return deadlines.days(year).stream().map(DayView::of).map(d -> named(new ListedDay(
                java.time.LocalDate.parse(d.date()), d.kind(), d.nameZh(), d.nameEn()))).toList();
    }

    /** A day as kept: a name not given is kept empty (a calendar file may name a day in one language, or none). */
    private static ListedDay named(ListedDay d) {
        return new ListedDay(d.date(), d.kind(), d.nameZh() == null ? "" : d.nameZh(),
                d.nameEn() == null ? "" : d.nameEn());
    }

    /** The year as it stands, in a few characters: whether it is listed and which days it lists. */
    private String fingerprint(int year, List<ListedDay> days) {
        String listedAs = (deadlines.year(year).isPresent() ? "listed\n" : "unlisted\n") + CalendarFiles.toCsv(days);
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(listedAs.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void removeYear(String slug, int year, String actor) {
        inTenant(slug, tenant -> {
            if (deadlines.year(year).isEmpty() && deadlines.days(year).isEmpty()) {
                throw new NotFound("CALENDAR_YEAR_NOT_FOUND", "The calendar lists nothing for " + year + ".");
            }
            deadlines.removeYear(year);
            record(tenant, actor, "CONFIG_CALENDAR_YEAR_REMOVED", "CALENDAR", Integer.toString(year), Map.of());
            return null;
        });
    }

    private CalendarView calendarView(Tenant tenant) {
        List<YearView> years = deadlines.years().stream().map(y -> yearView(y,
                deadlines.days(y.year()).stream().map(d -> d.exception().kind().name()).toList())).toList();
        int thisYear = now().atZone(tenant.zone()).getYear();
        Set<Integer> covered = years.stream().map(YearView::year).collect(Collectors.toSet());
        List<String> warnings = new ArrayList<>();
        for (int year : List.of(thisYear, thisYear + 1)) {
            if (!covered.contains(year)) {
                warnings.add("The calendar has no holidays for " + year + ": deadlines falling in " + year
                        + " are counted on the weekly pattern alone and flagged. Add the " + year + " calendar. / "
                        + "工作日历缺少 " + year + " 年的节假日数据，该年期限暂按每周工作日计算并标注，请补充。");
            }
        }
        return new CalendarView(tenant.zone().getId(), names(tenant.restDays()), years, warnings);
    }

    private static YearView yearView(CalendarYear year, List<String> kinds) {
        long holidays = kinds.stream().filter("HOLIDAY"::equals).count();
        return new YearView(year.year(), year.source(), holidays, kinds.size() - holidays);
    }

    // Disclosure

    public DisclosureView disclosure(String slug) {
        return inTenant(slug, tenant -> DisclosureView.of(configuration.disclosure()));
    }

    public DisclosureView reviseDisclosure(String slug, DisclosureChoices s, Long expectedVersion, String actor) {
        validate(s);
        return inTenant(slug, tenant -> {
            DisclosureSettings settings = configuration.disclosure();
            checkVersion("disclosure settings", expectedVersion, settings.version());
            settings.revise(s.statistics(), s.smallCellThreshold(), s.periods(), s.displayNameZh(), s.displayNameEn());
            configuration.save(settings);
            record(tenant, actor, "CONFIG_DISCLOSURE_SAVED", "DISCLOSURE", null, s);
            deadlines.flush(); // the view carries the version the change made
            return DisclosureView.of(settings);
        });
    }

    /** Replaces (or, with null, removes) the logo shown on the portal and the disclosure reports. */
    public DisclosureView replaceLogo(String slug, Logo logo, String actor) {
        return inTenant(slug, tenant -> {
            DisclosureSettings settings = configuration.disclosure();
            settings.replaceLogo(logo == null ? null : logo.bytes(), logo == null ? null : logo.contentType());
            configuration.save(settings);
            record(tenant, actor, logo == null ? "CONFIG_LOGO_REMOVED" : "CONFIG_LOGO_SAVED", "DISCLOSURE", null,
                    logo == null ? Map.of() : Map.of("contentType", logo.contentType(), "bytes", logo.bytes().length));
            deadlines.flush(); // the view carries the version the change made
            return DisclosureView.of(settings);
        });
    }

    /** The tenant's logo, if it has one. */
    public java.util.Optional<Logo> logo(String slug) {
        return inTenant(slug, tenant -> {
            DisclosureSettings settings = configuration.disclosure();
            return java.util.Optional.ofNullable(settings.logo()).map(b -> new Logo(b, settings.logoContentType()));
        });
    }

    // Shared

    private <T> T inTenant(String slug, Function<Tenant, T> work) {
        Tenant tenant = tenants.require(slug);
        return transactions.inTenant(tenant.id(), () -> work.apply(tenant));
    }

    private static void validate(ConfigurationChange change) {
        InputErrors errors = new InputErrors();
        change.validate(errors);
        errors.throwIfAny();
    }

    /**
     * Refuses a change made from an outdated read: {@code expected} is the version the change was made from, 0 for
     * "this is new" (refused if someone created it meanwhile), {@code null} to overwrite whatever stands.
     */
    private static void checkVersion(String what, Long expected, Long current) {
        if (expected != null && expected == 0 && current == null) {
            return;
        }
        if (expected != null && (current == null || expected.longValue() != current)) {
            throw new ConcurrentUpdate(what, expected, current == null ? 0 : current);
        }
    }

    private void record(Tenant tenant, String actor, String action, String subjectType, String subjectId, Object details) {
        audit.recordStaffChange(tenant.id(), actor, action, subjectType, subjectId, details);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
