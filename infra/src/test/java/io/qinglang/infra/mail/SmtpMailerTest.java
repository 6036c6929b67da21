package io.qinglang.infra.mail;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpMailerTest {

    @Test
    void aFailureIsDescribedByItsKindAndReplyCodeNeverByTheServersTextWhichEchoesTheAddress() throws Exception {
        InternetAddress reporter = new InternetAddress("whistle.blower@example.org");
        SMTPAddressFailedException refused = new SMTPAddressFailedException(reporter, "RCPT TO",
                550, "550 5.1.1 <whistle.blower@example.org>: Recipient address rejected");
        SendFailedException failed = new SendFailedException("Invalid Addresses: whistle.blower@example.org", refused,
                new Address[0], new Address[0], new Address[]{reporter});

        String described = SmtpMailer.describe(failed);

        assertThat(described).isEqualTo("SendFailedException <- SMTPAddressFailedException (SMTP 550)")
                .doesNotContain("whistle").doesNotContain("example.org");
    }

    @Test
    void aMailsMessageIdIsItsOwnIdAtTheSendersDomainTheSameEachTimeItIsSent() {
        assertThat(SmtpMailer.messageId("5f0c2a9e-1b7d-4c1e-9a55-0e8f3c2d1a77", "noreply@jubao.example.cn"))
                .isEqualTo("<5f0c2a9e-1b7d-4c1e-9a55-0e8f3c2d1a77@jubao.example.cn>")
                .isEqualTo(SmtpMailer.messageId("5f0c2a9e-1b7d-4c1e-9a55-0e8f3c2d1a77", "noreply@jubao.example.cn"));
        assertThat(SmtpMailer.messageId("a b<c>", "清朗 <noreply@qinglang.example>")).isEqualTo("<abc@qinglang.example>");
        assertThat(SmtpMailer.messageId("x", "nobody")).isEqualTo("<x@qinglang.invalid>");
    }
}
