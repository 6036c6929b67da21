package io.qinglang.platform.statistics.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides which cells of a period are hidden. A count from 1 to k - 1 is hidden (primary suppression); a cell
 * hidden in any month of a quarter, or quarter of a year, is hidden in it too, or the larger period's figure minus
 * the others would give it away; then, while a {@link Recovery reader} could still work out a hidden cell from
 * everything published for the period and the periods it adds up, the smallest non-zero cell sharing a sum with
 * it is hidden as well (complementary suppression). Zeros are never hidden. Periods are decided smallest first,
 * each once, so a month's hidden cells do not depend on whether its quarter has been published yet.
 */
public final class Suppression {

    private static final String SEPARATOR = "|";

    private final int k;
    private final Function<Period, Figures> figures;
    private final Map<Period, Set<String>> decided = new HashMap<>();
    private final Set<Period> uniform = new java.util.HashSet<>();

    public Suppression(int k, Function<Period, Figures> figures) {
        this.k = k;
        this.figures = figures;
    }

    /** The hidden variables of a period, after those of the periods it is made of. */
    public Set<String> hidden(Period period) {
        Set<String> known = decided.get(period);
        if (known != null) {
            return known;
        }
        period.parts().forEach(this::hidden);
        Set<String> hidden = decide(period);
        decided.put(period, Set.copyOf(hidden));
        return decided.get(period);
    }

    /**
     * Whether every hidden cell of the period carries the one label "*" (hidden, at least 1): when the bounds
     * that "&lt; k" and "×" give away would pin a hidden cell and no published cell is left to hide.
     */
    public boolean uniformLabels(Period period) {
        hidden(period);
        return uniform.contains(period);
    }

    private Set<String> decide(Period period) {
        Figures own = figures.apply(period);
        Set<String> hidden = new TreeSet<>();
        own.variables().stream().filter(v -> own.count(v) > 0 && own.count(v) < k).forEach(hidden::add);
        for (Period part : period.parts()) {
            hidden.addAll(decided.get(part));
        }
        Published system = new Published(period);
        while (true) {
            Set<String> recovered = system.recovered(period, hidden);
            if (recovered.isEmpty()) {
                return hidden;
            }
            java.util.Optional<String> protector = system.protector(period, hidden, recovered);
            if (protector.isPresent()) {
                hidden.add(protector.get());
            } else if (uniform.add(period)) {
                continue;
            } else {
                throw new StatisticsWithheld(period);
            }
        }
    }

    /** Everything published for a period and the periods below it, with the sums that tie them. */
    private final class Published {
        private final List<Period> periods = new ArrayList<>();
        private final Map<String, Long> values = new HashMap<>();
        private final List<Recovery.Equation> equations = new ArrayList<>();

        Published(Period top) {
            collect(top);
        }

        private void collect(Period p) {
            periods.add(p);
            Figures f = figures.apply(p);
            f.variables().forEach(v -> values.put(p + SEPARATOR + v, f.count(v)));
            for (Recovery.Equation e : f.equations()) {
                equations.add(new Recovery.Equation(e.parts().stream().map(v -> p + SEPARATOR + v).toList(),
                        p + SEPARATOR + e.total()));
            }
            if (p.parts().isEmpty()) {
                return;
            }
            Set<String> names = new TreeSet<>(f.variables());
            p.parts().forEach(part -> names.addAll(figures.apply(part).variables()));
            for (String v : names) {
                equations.add(new Recovery.Equation(p.parts().stream().map(part -> part + SEPARATOR + v).toList(),
                        p + SEPARATOR + v));
            }
            p.parts().forEach(this::collect);
        }

        private Map<String, Recovery.Range> hiddenRanges(Period top, Set<String> hiddenInTop) {
            Map<String, Recovery.Range> ranges = new HashMap<>();
            for (Period p : periods) {
                for (String v : p.equals(top) ? hiddenInTop : decided.get(p)) {
                    ranges.put(p + SEPARATOR + v, uniform.contains(p) ? Recovery.Range.UNLABELLED
                            : Recovery.Range.labelled(values.get(p + SEPARATOR + v), k));
                }
            }
            return ranges;
        }

        Set<String> recovered(Period top, Set<String> hiddenInTop) {
            Map<String, Recovery.Range> hidden = hiddenRanges(top, hiddenInTop);
            Map<String, Long> published = new HashMap<>(values);
            published.keySet().removeAll(hidden.keySet());
            Set<String> recovered = new TreeSet<>();
            Recovery.ranges(published, hidden, equations).forEach((v, r) -> {
                if (r.single()) {
                    recovered.add(v);
                }
            });
            return recovered;
        }

        /** A cell of a quarter or year whose parts are all published: hiding it would hide nothing. */
        private boolean followsFromParts(Period top, String name) {
            return !top.parts().isEmpty() && top.parts().stream().noneMatch(part -> decided.get(part).contains(name));
        }

        /** The smallest published non-zero cell of the top period tied, through sums, to a recovered cell. */
        Optional<String> protector(Period top, Set<String> hiddenInTop, Set<String> recovered) {
            String prefix = top + SEPARATOR;
            Set<String> seen = new HashSet<>(recovered);
            Deque<String> frontier = new ArrayDeque<>(recovered);
            while (!frontier.isEmpty()) {
                Set<String> candidates = new TreeSet<>();
                Deque<String> next = new ArrayDeque<>();
                for (String v : frontier) {
                    for (Recovery.Equation e : equations) {
                        List<String> terms = new ArrayList<>(e.parts());
                        terms.add(e.total());
                        if (!terms.contains(v)) {
                            continue;
                        }
                        for (String t : terms) {
                            boolean topCell = t.startsWith(prefix);
                            String name = topCell ? t.substring(prefix.length()) : null;
                            if (topCell && !hiddenInTop.contains(name) && values.getOrDefault(t, 0L) > 0
                                    && !followsFromParts(top, name)) {
                                candidates.add(name);
                            }
                            if (seen.add(t)) {
                                next.add(t);
                            }
                        }
                    }
                }
                if (!candidates.isEmpty()) {
                    return candidates.stream().min(Comparator.<String>comparingLong(c -> values.get(prefix + c))
                            .thenComparing(c -> Figures.SUMMARY.contains(c) || c.startsWith("completed/"))
                            .thenComparing(Comparator.naturalOrder()));
                }
                frontier = next;
            }
            return Optional.empty();
        }
    }
}
