package io.qinglang.platform.notifications.application;

import io.qinglang.platform.notifications.domain.Audience;
import io.qinglang.platform.notifications.domain.Notification;
import io.qinglang.platform.notifications.domain.NotificationRepository;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * Puts notifications into the outbox of the tenant in scope, inside the caller's transaction, so that a
 * notification exists exactly when the change it reports does. Texts are in Chinese and English and never
 * carry a report's content or a reporter's identity.
 */
@ApplicationScoped
public class Notifier {

    private final NotificationRepository outbox;

    @Inject
    public Notifier(NotificationRepository outbox) {
        this.outbox = outbox;
    }

    /** Tells staff about a case: its assignee (if any) and supervisors, or supervisors only. */
    public void staff(UUID caseId, String kind, Audience audience, String assignee, String subject, String body,
                      Instant now) {
        outbox.add(new Notification(caseId, kind, audience, assignee, null, subject, body, now));
    }

    /** Tells the tenant's admins about the tenant as a whole (no case). */
    public void tenantAdmins(String kind, String subject, String body, Instant now) {
        outbox.add(new Notification(null, kind, Audience.TENANT_ADMINS, null, null, subject, body, now));
    }

    /**
     * Tells the reporter, at the e-mail address of their contact (still sealed; opened only to send), that their
     * case needs their attention or has news — never what it is. Nothing is queued without a contact.
     */
    public void reporter(Tenant tenant, UUID caseId, String reference, byte[] sealedContact, Instant now) {
        if (sealedContact == null) {
            return;
        }
        var profile = tenant.profile();
        String subject = "您的举报有新进展 / News on your report " + reference;
        String body = "您向" + profile.nameZh() + "提交的举报（" + reference + "）有新的进展或需要您回复。"
                + "请使用回执码查询；为保护您，本邮件不包含任何具体内容。\n\n"
                + "There is news on your report " + reference + " to " + profile.nameEn()
                + ", or a question for you. Look it up with your receipt code; to protect you, this e-mail "
                + "says nothing about its content.\n";
        outbox.add(new Notification(caseId, "REPORTER_NOTICE", Audience.REPORTER, null, sealedContact, subject, body,
                now));
    }
}
