package io.qinglang.platform.deadlines.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When a stage of a case falls due. It is stored on the case when the stage starts, so a later
 * policy or calendar change does not rewrite it.
 *
 * @param dueAt              the last instant at which the stage is still on time
 * @param dueDate            the day it falls due, in the calendar's time zone, as staff see it
 * @param calendarIncomplete true when the count relied on a year the calendar has no holiday data
 *                           for; staff must be warned, since that year's holidays were ignored
 */
public record Deadline(Instant dueAt, LocalDate dueDate, boolean calendarIncomplete) {

    public Deadline {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
