package io.qinglang.infra.dev;

import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server inside this JVM (GreenMail) that keeps every mail instead of delivering it, so
 * invitations and password mails sent by Keycloak or the application can be read back — by a test
 * asserting on them, or by a developer following the link.
 */
public final class DevMail implements AutoCloseable {

    /** The address the server listens on; loopback only, nothing outside this machine can send. */
    public static final String HOST = "127.0.0.1";

    private volatile GreenMail greenMail;
    private final int port;

    private DevMail(GreenMail greenMail) {
        this.greenMail = greenMail;
        this.port = greenMail.getSmtp().getPort();
    }

    /** Starts the server on {@code port}; 0 picks a free one. */
    public static DevMail start(int port) {
        ServerSetup smtp = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        greenMail.start();
        return new DevMail(greenMail);
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** Every mail received so far, oldest first. */
    public List<ReceivedMail> receivedMessages() {
        return greenMail.getManagers().getImapHostManager().getAllMessages().stream()
                .sorted(Comparator.comparing(StoredMessage::getReceivedDate))
                .map(stored -> ReceivedMail.of(stored.getMimeMessage(), stored.getReceivedDate().toInstant()))
                .toList();
    }

    /** Stops the server for a while, as a mail server goes away: connections to its port are refused. */
    public synchronized void pause() {
        greenMail.stop();
    }

    /** Starts the server again on the port it had (the mails it kept before the pause are gone). */
    public synchronized void resume() {
        GreenMail again = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        again.start();
        greenMail = again;
    }

    /** Stops the server; the mails it kept are gone. */
    @Override
    public void close() {
        greenMail.stop();
    }
}
