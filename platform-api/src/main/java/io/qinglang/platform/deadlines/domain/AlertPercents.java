package io.qinglang.platform.deadlines.domain;

import java.util.Arrays;
import java.util.List;

/** Escalation thresholds as stored in a column: percentages of a period, comma-separated ("50,80,100"). */
public final class AlertPercents {

    private AlertPercents() {
    }

    public static List<Integer> parse(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }

    public static String format(List<Integer> percents) {
        return String.join(",", percents.stream().map(String::valueOf).toList());
    }
}
