package io.qinglang.platform.statistics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader of every published table can work out about the hidden cells: any sum or difference of the
 * published equations (row reduction), narrowed by the bounds each hidden cell's label gives away ("&lt; k" is 1 to
 * k - 1, a cell hidden to protect another is at least k), repeated until nothing narrows further. A hidden cell
 * whose range shrinks to one value is recovered. Variables in no map are taken as published zeros.
 */
public final class Recovery {

    private static final double EPSILON = 1e-7;
    private static final int MAX_PASSES = 200;

    /** The parts of a table add up to its total. */
    public record Equation(List<String> parts, String total) {
        public Equation {
            parts = List.copyOf(parts);
        }
    }

    /** The values a hidden cell may still take; {@code high} is {@link Long#MAX_VALUE} when unbounded. */
    public record Range(long low, long high) {
        public boolean single() {
            return low == high;
        }

        /** A hidden cell whose label says only that it is hidden: zeros never are, so it is at least 1. */
        public static final Range UNLABELLED = new Range(1, Long.MAX_VALUE);

        /** What the label of a hidden cell tells a reader, given its true value. */
        public static Range labelled(long value, int k) {
            return value < k ? new Range(1, k - 1L) : new Range(k, Long.MAX_VALUE);
        }
    }

    private final Map<String, Integer> column = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final double[] low;
    private final double[] high;

    /** A linear equation over the hidden cells, dense coefficients with the indices of the non-zero ones. */
    private record Row(double[] coefficients, int[] terms, double constant) {
        static Row of(double[] coefficients, double constant) {
            return new Row(coefficients, java.util.stream.IntStream.range(0, coefficients.length)
                    .filter(i -> Math.abs(coefficients[i]) >= EPSILON).toArray(), constant);
        }
    }

    private Recovery(Map<String, Long> published, Map<String, Range> hidden, List<Equation> equations) {
        hidden.keySet().forEach(v -> column.put(v, column.size()));
        low = new double[column.size()];
        high = new double[column.size()];
        hidden.forEach((v, r) -> {
            low[column.get(v)] = r.low();
            high[column.get(v)] = r.high() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : r.high();
        });
        for (Equation e : equations) {
            double[] a = new double[column.size()];
            double constant = 0;
            boolean any = false;
            List<String> terms = new ArrayList<>(e.parts());
            terms.add(e.total());
            for (int i = 0; i < terms.size(); i++) {
                double sign = i < e.parts().size() ? 1 : -1;
                Integer c = column.get(terms.get(i));
                if (c != null) {
                    a[c] += sign;
                    any = true;
                } else {
                    constant -= sign * published.getOrDefault(terms.get(i), 0L);
                }
            }
            if (any) {
                rows.add(Row.of(a, constant));
            }
        }
    }

    /** For each hidden variable, the narrowest range a reader can work out. */
    public static Map<String, Range> ranges(Map<String, Long> published, Map<String, Range> hidden, List<Equation> equations) {
        Recovery r = new Recovery(published, hidden, equations);
        List<Row> reduced = r.reduce();
        List<Row> all = new ArrayList<>(r.rows);
        all.addAll(reduced);
        r.narrow(all);
        Map<String, Range> result = new HashMap<>();
        r.column.forEach((v, c) -> result.put(v, new Range(Math.round(r.low[c]),
                Double.isInfinite(r.high[c]) ? Long.MAX_VALUE : Math.round(r.high[c]))));
        return result;
    }

    /** Gauss-Jordan elimination; a reduced row with a single coefficient pins that cell. */
    private List<Row> reduce() {
        int n = column.size();
        double[][] m = new double[rows.size()][];
        double[] b = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            m[i] = rows.get(i).coefficients().clone();
            b[i] = rows.get(i).constant();
        }
        int rank = 0;
        for (int c = 0; c < n && rank < m.length; c++) {
            int pivot = rank;
            for (int i = rank + 1; i < m.length; i++) {
                if (Math.abs(m[i][c]) > Math.abs(m[pivot][c])) {
                    pivot = i;
                }
            }
            if (Math.abs(m[pivot][c]) < EPSILON) {
                continue;
            }
            double[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            double t = b[pivot];
            b[pivot] = b[rank];
            b[rank] = t;
            double p = m[rank][c];
            for (int j = 0; j < n; j++) {
                m[rank][j] /= p;
            }
            b[rank] /= p;
            for (int i = 0; i < m.length; i++) {
                if (i != rank && Math.abs(m[i][c]) > EPSILON) {
                    double f = m[i][c];
                    for (int j = 0; j < n; j++) {
                        m[i][j] -= f * m[rank][j];
                    }
                    b[i] -= f * b[rank];
                }
            }
            rank++;
        }
        List<Row> reduced = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            reduced.add(Row.of(m[i], b[i]));
        }
        return reduced;
    }

    /** Bounds propagation: each term of a row lies within the row's constant minus the others' range. */
    private void narrow(List<Row> all) {
        boolean changed = true;
        for (int pass = 0; changed && pass < MAX_PASSES; pass++) {
            changed = false;
            for (Row row : all) {
                changed |= narrow(row);
            }
        }
    }

    private boolean narrow(Row row) {
        int[] terms = row.terms();
        double[] a = row.coefficients();
        double sumLow = 0;
        double sumHigh = 0;
        int unboundedLow = 0;
        int unboundedHigh = 0;
        for (int t : terms) {
            double lo = a[t] > 0 ? a[t] * low[t] : a[t] * high[t];
            double hi = a[t] > 0 ? a[t] * high[t] : a[t] * low[t];
            if (Double.isInfinite(lo)) {
                unboundedLow++;
            } else {
                sumLow += lo;
            }
            if (Double.isInfinite(hi)) {
                unboundedHigh++;
            } else {
                sumHigh += hi;
            }
        }
        boolean changed = false;
        for (int i : terms) {
            double ownLow = a[i] > 0 ? a[i] * low[i] : a[i] * high[i];
            double ownHigh = a[i] > 0 ? a[i] * high[i] : a[i] * low[i];
            // the others' range: the row's sums without this term
            double othersLow = Double.isInfinite(ownLow) ? (unboundedLow > 1 ? Double.NEGATIVE_INFINITY : sumLow)
                    : (unboundedLow > 0 ? Double.NEGATIVE_INFINITY : sumLow - ownLow);
            double othersHigh = Double.isInfinite(ownHigh) ? (unboundedHigh > 1 ? Double.POSITIVE_INFINITY : sumHigh)
                    : (unboundedHigh > 0 ? Double.POSITIVE_INFINITY : sumHigh - ownHigh);
            double from = (row.constant() - othersHigh) / a[i];
            double to = (row.constant() - othersLow) / a[i];
            if (a[i] < 0) {
                double t = from;
                from = to;
                to = t;
            }
            double newLow = Double.isInfinite(from) ? low[i] : Math.max(low[i], Math.ceil(from - EPSILON));
            double newHigh = Double.isInfinite(to) ? high[i] : Math.min(high[i], Math.floor(to + EPSILON));
            if (newLow > low[i] || newHigh < high[i]) {
                low[i] = newLow;
                high[i] = Math.max(newLow, newHigh);
                changed = true;
            }
        }
        return changed;
    }
}
