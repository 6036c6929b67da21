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
    public void send(String to, String subject, String body) {
        try {
            MimeMessage message = new MimeMessage(session);
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
            throw new MailNotSent("SMTP refused or unreachable: " + e.getMessage(), e);
        }
    }
}
