package io.qinglang.platform.cases.application;

import io.qinglang.platform.deadlines.domain.CalendarWarnings;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.notifications.application.Notifier;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reminds each tenant's admins, in time, to add the coming year's holidays: from {@value #DAYS_BEFORE} days
 * before the year ends in the tenant's time zone (and at once if even the current year is missing), once per year
 * — the same once as the warning a case's deadline raises ({@link CalendarGaps}), so admins hear of a year once.
 */
@ApplicationScoped
public class CalendarReminders {

    static final int DAYS_BEFORE = 60;

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final DeadlineConfigurationRepository deadlines;
    private final CalendarWarnings warnings;
    private final Notifier notifier;

    @Inject
    public CalendarReminders(TenantTransactions transactions, TenantRepository tenants,
                             DeadlineConfigurationRepository deadlines, CalendarWarnings warnings, Notifier notifier) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.deadlines = deadlines;
        this.warnings = warnings;
        this.notifier = notifier;
    }

    /** Queues the reminders due at {@code now}; returns how many. */
    public int run(Instant now) {
        int sent = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            sent += transactions.inTenant(tenant.id(), () -> remind(tenant, now));
        }
        return sent;
    }

    private int remind(Tenant tenant, Instant now) {
        LocalDate today = now.atZone(tenant.zone()).toLocalDate();
        int sent = 0;
        if (deadlines.year(today.getYear()).isEmpty() && warnings.firstFor(today.getYear(), now)) {
            notify(today.getYear(), "本年度", "this year", now);
            sent++;
        }
        int next = today.getYear() + 1;
        boolean nearYearEnd = !today.isBefore(LocalDate.of(next, 1, 1).minusDays(DAYS_BEFORE));
        if (nearYearEnd && deadlines.year(next).isEmpty() && warnings.firstFor(next, now)) {
            notify(next, "下一年度", "next year", now);
            sent++;
        }
        return sent;
    }

    private void notify(int year, String whenZh, String whenEn, Instant now) {
        notifier.tenantAdmins("CALENDAR_MISSING", "【工作日历缺失 Calendar missing】" + year,
                "工作日历尚无" + whenZh + "（" + year + " 年）的节假日和调休数据。落在该年的期限将暂按每周工作日计算并在案件上标注。"
                        + "请在租户管理中导入 " + year + " 年日历（可上传 .ics 或 CSV）。\n"
                        + "Your working calendar has no holidays or make-up working days for " + whenEn + " (" + year
                        + "). Deadlines falling in it will be counted on the weekly pattern alone and flagged. Please "
                        + "add the " + year + " calendar in tenant administration (an .ics or CSV file can be imported).\n",
                now);
    }
}
