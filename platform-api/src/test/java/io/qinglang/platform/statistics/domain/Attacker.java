package io.qinglang.platform.statistics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reader who tries every integer value of every hidden cell that agrees with all published sums and labels
 * (independent of {@link Recovery}: plain exhaustive search, for datasets small enough to enumerate). A hidden cell
 * is recovered when all assignments agree on its value.
 */
public final class Attacker {

    private final List<String> unknowns;
    private final long[] low;
    private final long[] high;
    private final List<int[]> equationTerms = new ArrayList<>();
    private final List<int[]> equationSigns = new ArrayList<>();
    private final List<Long> equationConstants = new ArrayList<>();
    private long nodes;

    /** Each hidden cell lies within the bounds {low, high} its label gives ("< k": 1..k-1; "×": k..cap; "*": 1..cap). */
    public Attacker(Map<String, Long> published, Map<String, long[]> bounds, List<Recovery.Equation> equations) {
        unknowns = new ArrayList<>(bounds.keySet());
        low = new long[unknowns.size()];
        high = new long[unknowns.size()];
        for (int i = 0; i < unknowns.size(); i++) {
            low[i] = bounds.get(unknowns.get(i))[0];
            high[i] = bounds.get(unknowns.get(i))[1];
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < unknowns.size(); i++) {
            index.put(unknowns.get(i), i);
        }
        for (Recovery.Equation e : equations) {
            List<Integer> terms = new ArrayList<>();
            List<Integer> signs = new ArrayList<>();
            long constant = 0;
            List<String> all = new ArrayList<>(e.parts());
            all.add(e.total());
            for (int i = 0; i < all.size(); i++) {
                int sign = i < e.parts().size() ? 1 : -1;
                Integer u = index.get(all.get(i));
                if (u == null) {
                    constant -= sign * published.getOrDefault(all.get(i), 0L);
                } else {
                    terms.add(u);
                    signs.add(sign);
                }
            }
            if (!terms.isEmpty()) {
                equationTerms.add(terms.stream().mapToInt(Integer::intValue).toArray());
                equationSigns.add(signs.stream().mapToInt(Integer::intValue).toArray());
                equationConstants.add(constant);
            } else if (constant != 0) {
                throw new IllegalStateException("published figures do not add up: " + e);
            }
        }
    }

    private static Map<String, long[]> bounds(Map<String, Boolean> hiddenBelowK, int k, long cap) {
        Map<String, long[]> bounds = new HashMap<>();
        hiddenBelowK.forEach((v, below) -> bounds.put(v, below ? new long[]{1, k - 1} : new long[]{k, cap}));
        return bounds;
    }

    /** The hidden cells every consistent assignment gives the same value. */
    public Set<String> recovered() {
        Set<String> recovered = new HashSet<>();
        long[] some = solve(low.clone(), high.clone());
        if (some == null) {
            throw new IllegalStateException("no assignment fits the published figures");
        }
        for (int u = 0; u < unknowns.size(); u++) {
            nodes = 0;
            long[] below = low.clone();
            long[] above = high.clone();
            long[] lowAbove = low.clone();
            long[] highBelow = high.clone();
            highBelow[u] = some[u] - 1;
            lowAbove[u] = some[u] + 1;
            boolean other = (highBelow[u] >= below[u] && solve(below, highBelow) != null)
                    || (lowAbove[u] <= above[u] && solve(lowAbove, above) != null);
            if (!other) {
                recovered.add(unknowns.get(u));
            }
        }
        return recovered;
    }

    /** One assignment within the bounds satisfying every equation, or null: depth-first, pruned by the sums. */
    private long[] solve(long[] lo, long[] hi) {
        if (++nodes > 5_000_000L) {
            throw new IllegalStateException("dataset too large to enumerate");
        }
        if (!tighten(lo, hi)) {
            return null;
        }
        int open = -1;
        for (int u = 0; u < lo.length; u++) {
            if (lo[u] < hi[u] && (open < 0 || hi[u] - lo[u] < hi[open] - lo[open])) {
                open = u;
            }
        }
        if (open < 0) {
            return lo.clone();
        }
        for (long v = lo[open]; v <= hi[open]; v++) {
            long[] l = lo.clone();
            long[] h = hi.clone();
            l[open] = v;
            h[open] = v;
            long[] found = solve(l, h);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Narrows each cell to what every sum allows, to a fixed point; false when some sum cannot be met. */
    private boolean tighten(long[] lo, long[] hi) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e < equationTerms.size(); e++) {
                int[] terms = equationTerms.get(e);
                int[] signs = equationSigns.get(e);
                long c = equationConstants.get(e);
                for (int t = 0; t < terms.length; t++) {
                    long othersLow = 0;
                    long othersHigh = 0;
                    for (int o = 0; o < terms.length; o++) {
                        if (o != t) {
                            othersLow += signs[o] > 0 ? lo[terms[o]] : -hi[terms[o]];
                            othersHigh += signs[o] > 0 ? hi[terms[o]] : -lo[terms[o]];
                        }
                    }
                    // sign * x = c - others
                    long from = signs[t] > 0 ? c - othersHigh : othersLow - c;
                    long to = signs[t] > 0 ? c - othersLow : othersHigh - c;
                    int u = terms[t];
                    if (from > lo[u]) {
                        lo[u] = from;
                        changed = true;
                    }
                    if (to < hi[u]) {
                        hi[u] = to;
                        changed = true;
                    }
                    if (lo[u] > hi[u]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
