package io.qinglang.admin.console.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How much time a running stage has left, for a person: a state that a marker shows by its shape and word as well as
 * its colour ({@code overdue}, {@code soon} — within 24 hours —, {@code ok}, {@code paused}) and the time in days and
 * hours, in the reader's language ({@code t} are the page's texts). Templates call {@code left.of(dueAt, paused)}.
 */
public final class TimeLeft {

    private final Instant now;
    private final Map<String, String> t;

    public TimeLeft(Instant now, Map<String, String> texts) {
        this.now = now;
        this.t = texts;
    }

    /** One stage's standing. */
    public record Standing(String state, String text) {
    }

    public Standing of(Instant due, boolean paused) {
        if (due == null) {
            return new Standing("none", "");
        }
        if (paused) {
            return new Standing("paused", t.get("due.paused"));
        }
        Duration left = Duration.between(now, due);
        if (left.isNegative()) {
            return new Standing("overdue", t.get("due.overdue").replace("{0}", span(left.negated())));
        }
        return new Standing(left.toHours() < 24 ? "soon" : "ok", t.get("due.left").replace("{0}", span(left)));
    }

    private String span(Duration d) {
        long days = d.toDays();
        long hours = d.minusDays(days).toHours();
        if (days > 0) {
            return t.get("due.daysHours").replace("{0}", Long.toString(days)).replace("{1}", Long.toString(hours));
        }
        long minutes = d.toMinutes();
        return minutes >= 60 ? t.get("due.hours").replace("{0}", Long.toString(d.toHours()))
                : t.get("due.minutes").replace("{0}", Long.toString(Math.max(1, minutes)));
    }
}
