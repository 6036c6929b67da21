package io.qinglang.platform.notifications.domain;

/** Sends one plain-text e-mail; throws {@link MailNotSent} when the mail server refuses or cannot be reached. */
public interface Mailer {

    void send(String to, String subject, String body);

    /** The mail could not be handed to the mail server. */
    class MailNotSent extends RuntimeException {
        public MailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
