package io.qinglang.infra.mail;

import io.qinglang.platform.notifications.domain.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends plain-text UTF-8 mail through the configured SMTP server ({@code qinglang.mail.*}); with a user name it
 * authenticates, and with {@code starttls} it upgrades the connection first. Timeouts keep a dead server from
 * holding the outbox's locks for long.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {

    private final Session session;
    private final String from;
    private final Optional<String> user;
    private final Optional<String> password;

    @Inject
    public SmtpMailer(@ConfigProperty(name = "qinglang.mail.host", defaultValue = "localhost") String host,
                      @ConfigProperty(name = "qinglang.mail.port", defaultValue = "25") int port,
                      @ConfigProperty(name = "qinglang.mail.from", defaultValue = "noreply@qinglang.invalid") String from,
                      @ConfigProperty(name = "qinglang.mail.user") Optional<String> user,
                      @ConfigProperty(name = "qinglang.mail.password") Optional<String> password,
                      @ConfigProperty(name = "qinglang.mail.starttls", defaultValue = "false") boolean starttls) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.auth", String.valueOf(user.isPresent()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
        this.session = Session.getInstance(properties);
        this.from = from;
        this.user = user;
        this.password = password;
    }

    @Override
    public void send(String id, String to, String subject, String body) {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId(id, from));
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            if (user.isPresent()) {
                Transport.send(message, user.get(), password.orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            // only the kind of failure and the server's reply code: the server's text may echo the recipient's
            // address, which for a reporter is protected personal data and must not reach logs or the outbox
            throw new MailNotSent("SMTP refused or unreachable: " + describe(e), null);
        }
    }

    /** {@code <id@domain of the sender>}: one mail's Message-ID, the same when it is sent again. */
    static String messageId(String id, String from) {
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "") : "";
        return "<" + id.replaceAll("[^A-Za-z0-9.-]", "") + "@" + (domain.isEmpty() ? "qinglang.invalid" : domain) + ">";
    }

    /**
     * The failure without any text that could carry an address: the kinds of exception down the cause chain
     * (a MessagingException's cause is its next exception) and SMTP reply codes.
     */
    static String describe(Exception e) {
        StringBuilder kinds = new StringBuilder();
        for (Throwable t = e; t != null && kinds.length() < 300; t = t.getCause()) {
            if (!kinds.isEmpty()) {
                kinds.append(" <- ");
            }
            kinds.append(t.getClass().getSimpleName());
            if (t instanceof SMTPSendFailedException failed) {
                kinds.append(" (SMTP ").append(failed.getReturnCode()).append(')');
            } else if (t instanceof SMTPAddressFailedException address) {
                kinds.append(" (SMTP ").append(address.getReturnCode()).append(')');
            }
        }
        return kinds.toString();
    }
}
