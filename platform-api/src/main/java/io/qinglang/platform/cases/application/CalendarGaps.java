package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.deadlines.domain.CalendarWarnings;
import io.qinglang.platform.notifications.application.Notifier;
import io.qinglang.platform.notifications.domain.Audience;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * A deadline that falls in a year the tenant's calendar has no holidays for is counted on weekdays alone and
 * flagged on the case; the tenant's admins are told, once per year, to add that year's calendar.
 */
@ApplicationScoped
public class CalendarGaps {

    private final CalendarWarnings warnings;
    private final Notifier notifier;

    @Inject
    public CalendarGaps(CalendarWarnings warnings, Notifier notifier) {
        this.warnings = warnings;
        this.notifier = notifier;
    }

    /** Warns the admins about each year without holidays that the clock's deadlines touched, if not done before. */
    public void warnIfNeeded(Tenant tenant, Case c, CaseClock clock, Instant now) {
        for (int year : clock.uncoveredYears()) {
            if (warnings.firstFor(year, now)) {
                notifier.staff(c.id().value(), "CALENDAR_INCOMPLETE", Audience.TENANT_ADMINS, null,
                        "【工作日历缺失 Calendar missing】" + year,
                        "案件 " + c.reference().value() + " 的期限落在 " + year + " 年，而工作日历尚无该年的节假日数据；"
                                + "期限暂按周一至周五计算，并已在案件上标注。请在租户管理中补充 " + year + " 年日历。\n"
                                + "A deadline of case " + c.reference().value() + " falls in " + year
                                + ", for which your working calendar has no holidays; it was counted on weekdays "
                                + "alone and flagged on the case. Please add the " + year + " calendar.\n", now);
            }
        }
    }
}
