package io.qinglang.platform.statistics.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The true figures of one period, before anything is hidden, named as variables: the totals of
 * {@link #SUMMARY}, {@code channel/<code>} and {@code category/<code>} (received), {@code outcome/<outcome>}
 * (decided), {@code completed/<stage>}, {@code onTime/<stage>} and {@code late/<stage>}, {@code rewards/<currency>}
 * (rewards paid). {@link #equations()} are the sums any reader knows hold between them.
 */
public final class Figures {

    public static final List<String> SUMMARY = List.of("RECEIVED", "ACCEPTED", "REJECTED", "TRANSFERRED", "MERGED",
            "DECIDED", "CLOSED", "APPEALED", "REVIEW_UPHELD", "REVIEW_REVERSED");
    public static final String HANDLING = "HANDLING";

    private final SortedMap<String, Long> counts = new TreeMap<>();
    private final SortedMap<String, Long> amounts = new TreeMap<>();
    private final Map<String, SortedMap<Integer, Long>> hours = new TreeMap<>();

    private Figures() {
        SUMMARY.forEach(measure -> counts.put(measure, 0L));
    }

    /** Adds up the kept counts and durations given, whatever months they belong to. */
    public static Figures of(Collection<MonthlyCount> kept, Collection<MonthlyDuration> durations) {
        Figures f = new Figures();
        for (MonthlyCount c : kept) {
            switch (c.measure()) {
                case "ON_TIME", "LATE" -> {
                    f.add((c.measure().equals("ON_TIME") ? "onTime/" : "late/") + c.detail(), c.count());
                    f.add("completed/" + c.detail(), c.count());
                }
                case "REWARD_PAID" -> {
                    f.add("rewards/" + c.detail(), c.count());
                    f.amounts.merge("rewards/" + c.detail(), c.total(), Long::sum);
                }
                default -> {
                    if (!SUMMARY.contains(c.measure())) {
                        continue;
                    }
                    f.add(c.measure(), c.count());
                    if (c.measure().equals("RECEIVED")) {
                        f.add("channel/" + c.channel(), c.count());
                        f.add("category/" + c.category(), c.count());
                    } else if (c.measure().equals("DECIDED") && !c.detail().isEmpty()) {
                        f.add("outcome/" + c.detail(), c.count());
                    }
                }
            }
        }
        for (MonthlyDuration d : durations) {
            f.hours.computeIfAbsent(d.measure(), m -> new TreeMap<>()).merge(d.hours(), d.count(), Long::sum);
        }
        return f;
    }

    private void add(String variable, long count) {
        counts.merge(variable, count, Long::sum);
    }

    public long count(String variable) {
        return counts.getOrDefault(variable, 0L);
    }

    public long amount(String variable) {
        return amounts.getOrDefault(variable, 0L);
    }

    public Set<String> variables() {
        return Collections.unmodifiableSet(counts.keySet());
    }

    /** The rows of a table, e.g. {@code channel}: the codes that had anything in this period, in order. */
    public Set<String> rows(String table) {
        Set<String> rows = new TreeSet<>();
        counts.keySet().stream().filter(v -> v.startsWith(table + "/")).forEach(v -> rows.add(v.substring(table.length() + 1)));
        return rows;
    }

    /** How many durations were kept for a measure: the n behind its median. */
    public long timed(String measure) {
        return hours.getOrDefault(measure, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The (lower) median in whole hours as kept, if any were kept. Not the mean of the middle two for an even n:
     * a half hour would tell a reader that n is even, and n may be a hidden count.
     */
    public OptionalDouble medianHours(String measure) {
        long n = timed(measure);
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(nth(measure, (n - 1) / 2));
    }

    private int nth(String measure, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : hours.get(measure).entrySet()) {
            seen += bucket.getValue();
            if (seen > index) {
                return bucket.getKey();
            }
        }
        throw new IllegalStateException("index beyond the kept durations");
    }

    /** What every reader knows adds up: received by channel and by category, decided by outcome, each stage. */
    public List<Recovery.Equation> equations() {
        List<Recovery.Equation> sums = new ArrayList<>();
        sums.add(new Recovery.Equation(rows("channel").stream().map(r -> "channel/" + r).toList(), "RECEIVED"));
        sums.add(new Recovery.Equation(rows("category").stream().map(r -> "category/" + r).toList(), "RECEIVED"));
        sums.add(new Recovery.Equation(rows("outcome").stream().map(r -> "outcome/" + r).toList(), "DECIDED"));
        for (String stage : rows("completed")) {
            sums.add(new Recovery.Equation(List.of("onTime/" + stage, "late/" + stage), "completed/" + stage));
        }
        return sums;
    }
}
