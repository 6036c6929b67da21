package io.qinglang.platform.statistics.domain;

/**
 * One published count: its value, or why it is hidden ({@code SMALL}: shown as "&lt; k"; {@code PROTECTIVE}:
 * hidden so that a small count cannot be worked out from a total), and its change in percent on the previous period
 * and on the same period a year earlier where both counts are published and the earlier one is not zero.
 */
public record Figure(Long value, Suppressed suppressed, String shown, Double changeOnPrevious, Double changeOnYearEarlier) {

    /** SMALL: "&lt; k"; PROTECTIVE: "×", at least k; HIDDEN: "*", in a period whose hidden cells share one label. */
    public enum Suppressed { SMALL, PROTECTIVE, HIDDEN }

    public static Figure of(long value, boolean hidden, boolean uniformLabels, int k, Long previous, Long yearEarlier) {
        if (hidden) {
            return uniformLabels ? new Figure(null, Suppressed.HIDDEN, "*", null, null)
                    : value < k ? new Figure(null, Suppressed.SMALL, "< " + k, null, null)
                    : new Figure(null, Suppressed.PROTECTIVE, "×", null, null);
        }
        return new Figure(value, null, Long.toString(value), change(value, previous), change(value, yearEarlier));
    }

    public boolean hidden() {
        return suppressed != null;
    }

    private static Double change(long now, Long before) {
        if (before == null || before == 0) {
            return null;
        }
        return Math.round((now - before) * 1000.0 / before) / 10.0;
    }
}
