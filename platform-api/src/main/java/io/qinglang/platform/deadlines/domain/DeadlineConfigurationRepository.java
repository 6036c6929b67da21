package io.qinglang.platform.deadlines.domain;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The deadline policies and working calendar of the tenant in scope. */
public interface DeadlineConfigurationRepository {

    void add(DeadlinePolicy policy);

    void add(CalendarDay day);

    void add(CalendarYear year);

    /** The policies in force. */
    List<DeadlinePolicy> policies();

    /** Every policy ever adopted, retired ones included, newest first. */
    List<DeadlinePolicy> policyHistory();

    Optional<DeadlinePolicy> policy(java.util.UUID id);

    WorkingCalendar calendar(ZoneId zone, Set<DayOfWeek> restDays);

    /** The listed days of one year, in date order. */
    List<CalendarDay> days(int year);

    Optional<CalendarYear> year(int year);

    List<CalendarYear> years();

    /** Writes pending changes now, where their order matters. */
    void flush();

    /** Removes a year's listed days and its mark as complete. */
    void removeYear(int year);
}
