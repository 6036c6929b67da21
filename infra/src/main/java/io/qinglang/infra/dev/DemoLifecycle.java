package io.qinglang.infra.dev;

import io.qinglang.platform.cases.application.CaseCommand;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What happens to one report of the demo year, as steps on the year's timetable: the shares below make a body whose
 * figures look like a real one's (most reports accepted and decided within the ten working days, a tenth late, some
 * rejected, transferred or merged; a few appeals, about a third of substantiated reports rewarded).
 */
final class DemoLifecycle {

    private static final List<String> URGENT = List.of("violence-terror", "minors", "self-harm");

    private final DemoYear year;
    private final Random random;
    /** Accepted reports and when they will be decided: a duplicate is merged into one still being handled. */
    private final Map<DemoCase, Instant> handledUntil = new HashMap<>();

    DemoLifecycle(DemoYear year, Random random) {
        this.year = year;
        this.random = random;
    }

    boolean mayLead(DemoCase c) {
        Instant until = handledUntil.get(c);
        return until != null && until.isAfter(c.receivedAt.plusSeconds(5 * 86_400L));
    }

    void follow(DemoCase c) {
        year.add(c.receivedAt, c, desk -> desk.receive(c));
        boolean urgent = URGENT.contains(c.category);
        Instant triage = year.office(c.receivedAt, urgent ? 0 : 0.2, urgent ? 0.1 : 2.5);
        DemoCase lead = year.chance(6) ? year.leadFor(c) : null;
        int roll = random.nextInt(100);
        if (lead != null && handledUntil.get(lead).isAfter(triage.plusSeconds(86_400))) {
            year.add(triage, c, desk -> desk.byHandler(c, new CaseCommand.Merge(lead.id,
                    "与先前举报为同一内容。/ The same content as an earlier report.")));
        } else if (roll < 13) {
            year.add(triage, c, desk -> desk.byHandler(c, new CaseCommand.Reject("不属于本中心受理范围。/ Outside this centre's remit.",
                    "请向当地市场监管部门反映（12315）。/ Please contact market regulation (12315).")));
        } else if (roll < 19) {
            year.add(triage, c, desk -> desk.byHandler(c, new CaseCommand.Transfer("公安机关网安部门 / Police cyber-security unit",
                    "涉嫌违法犯罪，移送公安机关。/ Suspected crime: handed to the police.", null, null, null, null)));
        } else {
            handle(c, triage);
        }
    }

    private void handle(DemoCase c, Instant accepted) {
        year.add(accepted, c, desk -> desk.byHandler(c, new CaseCommand.Accept("属于受理范围。/ Within our remit.")));
        Instant t = year.office(accepted, 0.01, 0.5);
        year.add(t, c, desk -> desk.byHandler(c, new CaseCommand.Assign(null, DemoTenant.HANDLER)));
        if (year.chance(10)) {
            t = year.office(t, 0.05, 1);
            String severity = year.chance(40) ? "CRITICAL" : "SERIOUS";
            year.add(t, c, desk -> desk.bySupervisor(c, new CaseCommand.Flag(severity, false,
                    "影响面较大，需重点关注。/ Wide reach; watch closely.")));
        }
        if (year.chance(15)) {
            t = ask(c, t);
            if (t == null) {
                return; // asked this week: the case waits for the reporter's answer today
            }
        }
        if (year.chance(20)) {
            t = year.office(t, 0.5, 3);
            year.add(t, c, desk -> desk.byHandler(c, new CaseCommand.PartyStatement("平台运营方 / Platform operator",
                    "已下线相关内容并核查账号。/ Took the content down and is checking the account.")));
        }
        int kind = random.nextInt(100);
        Instant decided;
        if (year.leftOverdue(accepted)) {
            decided = year.workingDays(accepted, 25); // not yet: the handler's overdue queue has these today
        } else if (kind < 7) {
            Instant asked = latest(t, year.workingDays(accepted, 7));
            year.add(asked, c, desk -> desk.byHandler(c, new CaseCommand.RequestExtension("DECIDE",
                    "需调取平台日志，十个工作日内无法办结。/ Platform logs are needed; ten working days are not enough.")));
            boolean approve = year.chance(80);
            Instant answered = year.office(asked, 0.1, 1);
            year.add(answered, c, desk -> desk.answerExtension(c, approve));
            decided = latest(answered, year.workingDays(accepted, year.between(11, 14)));
        } else if (kind < 17) {
            decided = latest(t, year.workingDays(accepted, year.between(11, 16))); // late
        } else {
            decided = latest(t, year.workingDays(accepted, year.between(2, 8)));
        }
        handledUntil.put(c, decided);
        decide(c, decided);
    }

    /**
     * The handler asks the reporter; most answer within days, otherwise the handler stops waiting after a week. Returns
     * when the case goes on, or null if it was asked in the last week and is still waiting.
     */
    private Instant ask(DemoCase c, Instant after) {
        Instant asked = year.office(after, 0.5, 2);
        year.add(asked, c, desk -> desk.byHandler(c, new CaseCommand.RequestInformation(
                "请补充具体链接或截图。/ Please add the exact link or a screenshot.")));
        if (year.recent(asked, 7)) {
            return null;
        }
        if (year.chance(75)) {
            Instant replied = year.reporter(asked, 0.5, 4);
            year.add(replied, c, desk -> desk.reporterReplies(c));
            return replied;
        }
        Instant stopped = year.office(asked, 6, 8);
        year.add(stopped, c, desk -> desk.byHandler(c, new CaseCommand.StopWaiting(
                "举报人逾期未答复，依现有材料办理。/ No answer; handled on what we have.")));
        return stopped;
    }

    private void decide(DemoCase c, Instant at) {
        CaseCommand.Decide decision = year.decision();
        year.add(at, c, desk -> desk.byHandler(c, decision));
        Instant closed = year.office(at, 0.05, 2);
        year.add(closed, c, desk -> desk.byHandler(c, new CaseCommand.Close(null)));
        boolean substantiated = !decision.actions().contains("NO_ACTION");
        if (substantiated && year.chance(35)) {
            reward(c, closed);
        } else if (year.chance(14)) {
            appeal(c, closed);
        }
    }

    private void appeal(DemoCase c, Instant closed) {
        Instant appealed = year.reporter(closed, 2, 9);
        year.add(appealed, c, desk -> desk.reporterAppeals(c));
        Instant reviewed = year.office(appealed, 2, 9);
        if (year.chance(60)) {
            year.add(reviewed, c, desk -> desk.bySupervisor(c, new CaseCommand.Review("UPHOLD",
                    "原处理结果认定事实清楚，维持。/ The facts were established; the decision stands.")));
        } else {
            year.add(reviewed, c, desk -> desk.bySupervisor(c, new CaseCommand.Review("REVERSE",
                    "复核发现新情况，重新办理。/ The review found new facts; handled again.")));
            decide(c, year.office(reviewed, 2, 6));
        }
    }

    /** Proposed by the handler, answered by the supervisor; most approved rewards are claimed, then paid. */
    private void reward(DemoCase c, Instant closed) {
        Instant proposed = year.office(closed, 0.5, 4);
        year.add(proposed, c, desk -> desk.proposeReward(c));
        Instant answered = year.office(proposed, 0.5, 3);
        boolean approve = year.chance(90);
        year.add(answered, c, desk -> desk.answerReward(c, approve));
        if (approve && year.chance(85)) {
            Instant claimed = year.reporter(answered, 2, 20);
            year.add(claimed, c, desk -> desk.reporterClaims(c));
            if (!year.recent(claimed, 21)) { // the latest claims wait for the finance office
                year.add(year.office(claimed, 1, 8), c, desk -> desk.recordPayment(c));
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a.plusSeconds(1800) : b;
    }
}
