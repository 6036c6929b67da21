package io.qinglang.platform.notifications.domain;

/** Sends one plain-text e-mail; throws {@link MailNotSent} when the mail server refuses or cannot be reached. */
public interface Mailer {

    /**
     * Sends the mail {@code id} (the same each time the same mail is sent again, so that a repeat after a crash can
     * be recognised by its receiver: it becomes the mail's {@code Message-ID}).
     */
    void send(String id, String to, String subject, String body);

    /** The mail could not be handed to the mail server. */
    class MailNotSent extends RuntimeException {
        public MailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
