package io.qinglang.platform.deadlines.domain;

import java.time.ZoneId;
import java.util.List;

/** The deadline policies and working calendar of the tenant in scope. */
public interface DeadlineConfigurationRepository {

    void add(DeadlinePolicy policy);

    void add(CalendarDay day);

    void add(CalendarYear year);

    List<DeadlinePolicy> policies();

    WorkingCalendar calendar(ZoneId zone);
}
