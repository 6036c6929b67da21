package io.qinglang.infra.dev;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * One e-mail the local mail catcher received, reduced to what a test or a developer reads — for
 * instance the link in an invitation.
 *
 * @param to       recipients' addresses
 * @param subject  the subject
 * @param text     the plain-text body, or the HTML body when the mail has no plain-text part
 * @param received  when the catcher received it
 * @param messageId its {@code Message-ID} (a mail sent again after a crash has the same)
 */
public record ReceivedMail(List<String> to, String subject, String text, Instant received, String messageId) {

    static ReceivedMail of(MimeMessage message, Instant received) {
        try {
            Address[] recipients = Optional.ofNullable(message.getAllRecipients()).orElse(new Address[0]);
            List<String> to = Arrays.stream(recipients).map(Address::toString).toList();
            String text = body(message, "text/plain").or(() -> body(message, "text/html")).orElse("");
            return new ReceivedMail(to, message.getSubject(), text, received, message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail in the catcher", e);
        }
    }

    private static Optional<String> body(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of(part.getContent().toString());
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> found = body(multipart.getBodyPart(i), type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail in the catcher", e);
        }
    }
}
