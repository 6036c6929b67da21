package io.qinglang.infra.dev;

import java.util.List;

/**
 * Prints each e-mail the mail catcher receives, so dev-mode invitations can be followed from the console; mail that
 * was there before it started (the notifications of the demo body's seeded year) stays unprinted in the catcher.
 */
final class MailPrinter extends Thread {

    private final DevMail mail;
    private int printed;

    MailPrinter(DevMail mail) {
        super("dev-mail-printer");
        setDaemon(true);
        this.mail = mail;
        this.printed = mail.receivedMessages().size();
    }

    /** How many mails were in the catcher when printing began. */
    int notPrinted() {
        return printed;
    }

    @Override
    public void run() {
        while (!isInterrupted()) {
            List<ReceivedMail> messages = mail.receivedMessages();
            for (; printed < messages.size(); printed++) {
                ReceivedMail message = messages.get(printed);
                System.out.println("\n──── mail to " + String.join(", ", message.to()) + ": " + message.subject()
                        + " ────\n" + message.text() + "\n────────");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
