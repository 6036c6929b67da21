package io.qinglang.infra.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.cases.application.CaseCommand;
import io.qinglang.platform.cases.application.CaseHandling;
import io.qinglang.platform.cases.application.CaseQueries;
import io.qinglang.platform.cases.application.IntakeReceipt;
import io.qinglang.platform.cases.application.IntakeService;
import io.qinglang.platform.cases.application.IntakeSubmission;
import io.qinglang.platform.cases.application.StaffReport;
import io.qinglang.platform.cases.application.SubmitReport;
import io.qinglang.platform.cases.application.TrackingRequests;
import io.qinglang.platform.cases.application.TrackingService;
import io.qinglang.platform.notifications.application.OutboxDispatcher;
import io.qinglang.platform.rewards.application.RewardService;
import io.qinglang.platform.shared.domain.ConcurrentUpdate;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The demo body's people at work in the seeded year — reporters, the handler and the supervisor — each step taken
 * through the platform's own services, exactly as the API and the console would take it.
 */
final class DemoDesk {

    private final String slug;
    private final String handler;
    private final String supervisor;
    private final IntakeService intake = bean(IntakeService.class);
    private final CaseHandling handling = bean(CaseHandling.class);
    private final CaseQueries queries = bean(CaseQueries.class);
    private final TrackingService tracking = bean(TrackingService.class);
    private final RewardService rewards = bean(RewardService.class);
    private final ObjectMapper json = bean(ObjectMapper.class);
    private final OutboxDispatcher outbox = bean(OutboxDispatcher.class);

    DemoDesk(String slug, String handler, String supervisor) {
        this.slug = slug;
        this.handler = handler;
        this.supervisor = supervisor;
    }

    private static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    /** The reporter sends the report online, or a handler takes it down from a call, a letter or an e-mail. */
    void receive(DemoCase c) {
        SubmitReport report = DemoTexts.report(c);
        if (c.online()) {
            IntakeReceipt receipt = intake.submit(slug, c.address(), null,
                    IntakeSubmission.of(report, List.of(), null, json));
            UUID id = queries.list(slug, DemoTexts.byReference(receipt.reference())).items().stream()
                    .filter(found -> found.reference().equals(receipt.reference())).findFirst().orElseThrow().id();
            remember(c, id, receipt);
        } else {
            var registered = intake.registerByStaff(slug, handler, new StaffReport(report.channel(), report.category(),
                    report.subject(), report.description(), report.anonymity(), report.reporter(), null, null, null),
                    "demo-year-" + c.number);
            remember(c, registered.caseId(), registered.receipt());
        }
    }

    private void remember(DemoCase c, UUID id, IntakeReceipt receipt) {
        c.id = id;
        c.receiptCode = receipt.receiptCode();
        c.claimSecret = receipt.claimSecret();
        c.version = 1; // a new case's first version; should it differ, the first step reads it (see act)
    }

    /** The notification outbox delivered as the background jobs would have then (they wait while the seeding runs). */
    void deliverMail(Instant now) {
        outbox.dispatch(now);
    }

    void byHandler(DemoCase c, CaseCommand command) {
        act(c, handler, command);
    }

    void bySupervisor(DemoCase c, CaseCommand command) {
        act(c, supervisor, command);
    }

    /** A step at the version last seen; if the case moved meanwhile (a duplicate merged in, the reporter wrote), again. */
    private void act(DemoCase c, String staff, CaseCommand command) {
        try {
            c.version = handling.act(slug, c.id, c.version, staff, command).version();
        } catch (ConcurrentUpdate moved) {
            c.version = queries.detail(slug, c.id).version();
            c.version = handling.act(slug, c.id, c.version, staff, command).version();
        }
    }

    /** The supervisor answers the extension the handler asked for on this case. */
    void answerExtension(DemoCase c, boolean approve) {
        UUID request = queries.detail(slug, c.id).extensionRequests().getLast().id();
        bySupervisor(c, new CaseCommand.AnswerExtension(request, approve, approve
                ? "同意延期：需调取平台日志。/ Approved: platform logs are needed." : "不予延期，请按期办结。/ Denied: decide in time."));
    }

    void reporterReplies(DemoCase c) {
        tracking.addInformation(slug, c.address(), null, new TrackingRequests.AddInformation(c.receiptCode,
                "补充：相关内容仍可访问，截图已另行保存。/ The content is still online; I kept screenshots."), List.of());
    }

    void reporterAppeals(DemoCase c) {
        tracking.appeal(slug, c.address(), null, new TrackingRequests.Appeal(c.receiptCode,
                "我认为处理结果与事实不符，请复核。/ I think the decision does not match the facts; please review it."));
    }

    void proposeReward(DemoCase c) {
        rewards.propose(slug, c.id, new RewardService.Proposal(null, "举报属实，线索有效。/ Substantiated, useful lead."), handler);
    }

    void answerReward(DemoCase c, boolean approve) {
        rewards.answer(slug, c.id, new RewardService.Answer(approve, approve ? "符合奖励规则。/ Meets the reward rule."
                : "线索此前已掌握。/ The lead was already known."), supervisor);
    }

    void reporterClaims(DemoCase c) {
        rewards.claim(slug, c.address(), null, new RewardService.Claim(c.receiptCode, c.claimSecret,
                new RewardService.PaymentDetails("BANK_TRANSFER", "6222 0000 0000 " + String.format("%04d", c.number),
                        "举报人 " + c.number, null)));
    }

    void recordPayment(DemoCase c) {
        rewards.recordPayment(slug, c.id, new RewardService.Payment("DEMO-PAY-" + c.number), supervisor);
    }
}
