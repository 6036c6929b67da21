package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queues staff land on (DESIGN.md "The staff console"), each a query of the case list: its count is the
 * repository's count of the very filter the list pages through, so the two never disagree. Everyone sees
 * {@code mine}, {@code unassigned}, {@code dueSoon}, {@code overdue}, {@code waiting}, {@code major} and
 * {@code appeals}; supervisors also what waits for their answer, {@code extensions} and {@code rewards}.
 */
@ApplicationScoped
public class CaseQueues {

    /** "Due soon": a running stage falls due within this many hours. */
    static final int DUE_SOON_HOURS = 24;

    /** A queue: its name, how many cases are in it now, and the case list query that shows them. */
    public record Queue(String name, long count, String query) {
    }

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final CaseRepository cases;
    private final Clock clock;

    @Inject
    public CaseQueues(TenantTransactions transactions, TenantDirectory tenants, CaseRepository cases, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.cases = cases;
        this.clock = clock;
    }

    /** The queues of {@code username} (as tokens carry it), with a supervisor's two more, counted now. */
    public List<Queue> forStaff(String tenantSlug, String username, boolean supervisor) {
        Map<String, CaseListQuery> queries = definitions(username, supervisor);
        Tenant tenant = tenants.require(tenantSlug);
        Instant now = clock.instant();
        return transactions.inTenant(tenant.id(), () -> queries.entrySet().stream()
                .map(q -> new Queue(q.getKey(), cases.countMatching(q.getValue().parse(now).filter()),
                        q.getValue().queryString()))
                .toList());
    }

    /** A body's cases at a glance: open, overdue, due within seven days, and this month's intake day by day. */
    public record Overview(long open, long overdue, long dueThisWeek, List<DayCount> intakeThisMonth) {
    }

    /** Reports received on one day (in the body's time zone). */
    public record DayCount(LocalDate day, long count) {
    }

    /** How many of a body's cases are open, and how many of those are overdue: the overview's first two figures. */
    public record Load(long open, long overdue) {
    }

    /** The load of the body {@code tenant} now, counted as its overview counts it (for the operator's metrics). */
    public Load load(TenantId tenant) {
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> new Load(count(now, "open", "true"),
                count(now, "overdue", "true", "open", "true")));
    }

    public Overview overview(String tenantSlug) {
        Tenant tenant = tenants.require(tenantSlug);
        Instant now = clock.instant();
        ZoneId zone = tenant.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return transactions.inTenant(tenant.id(), () -> {
            List<DayCount> days = new ArrayList<>();
            for (LocalDate day = today.withDayOfMonth(1); !day.isAfter(today); day = day.plusDays(1)) {
                days.add(new DayCount(day, count(now, "receivedFrom", day.atStartOfDay(zone).toInstant().toString(),
                        "receivedBefore", day.plusDays(1).atStartOfDay(zone).toInstant().toString())));
            }
            return new Overview(count(now, "open", "true"), count(now, "overdue", "true", "open", "true"),
                    count(now, "dueWithinHours", String.valueOf(7 * 24), "open", "true"), days);
        });
    }

    private long count(Instant now, String... namesAndValues) {
        return cases.countMatching(query(namesAndValues).parse(now).filter());
    }

    /** Each queue's list query, in the order a landing page shows them. */
    static Map<String, CaseListQuery> definitions(String username, boolean supervisor) {
        Map<String, CaseListQuery> queues = new LinkedHashMap<>();
        queues.put("mine", query("assignee", username, "open", "true"));
        queues.put("unassigned", query("open", "true", "assigned", "false"));
        // a running stage is an open case's; saying so lets the count read the open cases only
        queues.put("dueSoon", query("dueWithinHours", String.valueOf(DUE_SOON_HOURS), "open", "true"));
        queues.put("overdue", query("overdue", "true", "open", "true"));
        queues.put("waiting", query("waiting", "true"));
        queues.put("major", query("major", "true", "open", "true"));
        queues.put("appeals", query("status", CaseStatus.APPEALED.name()));
        if (supervisor) {
            queues.put("extensions", query("extensionPending", "true"));
            queues.put("rewards", query("rewardPending", "true"));
        }
        return queues;
    }

    private static CaseListQuery query(String... namesAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return CaseListQuery.of(parameters);
    }
}
