package io.qinglang.platform.deadlines.domain;

/**
 * The time a tenant's policy allows for one stage of a case, e.g. "10 working days".
 *
 * <p>Not called {@code Period} so that it never collides with {@link java.time.Period}, which sits
 * next to it in almost every file that uses it.
 */
public record HandlingPeriod(int amount, DurationUnit unit) {

    public HandlingPeriod {
        if (amount < 0) {
            throw new IllegalArgumentException("A handling period cannot be negative: " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("A handling period needs a unit");
        }
    }

    /** Due the moment the case is received, e.g. the receipt code every template issues at once. */
    public static HandlingPeriod instant() {
        return new HandlingPeriod(0, DurationUnit.HOURS);
    }

    public static HandlingPeriod hours(int amount) {
        return new HandlingPeriod(amount, DurationUnit.HOURS);
    }

    public static HandlingPeriod calendarDays(int amount) {
        return new HandlingPeriod(amount, DurationUnit.CALENDAR_DAYS);
    }

    public static HandlingPeriod workingDays(int amount) {
        return new HandlingPeriod(amount, DurationUnit.WORKING_DAYS);
    }
}
