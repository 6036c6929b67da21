package io.qinglang.platform.deadlines.domain;

import java.time.Instant;

/** Which years the admins of the tenant in scope were warned about because its calendar lacks their holidays. */
public interface CalendarWarnings {

    /** Records the warning for {@code year}; true only the first time, so each year is warned about once. */
    boolean firstFor(int year, Instant now);
}
