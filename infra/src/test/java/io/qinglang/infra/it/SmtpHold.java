package io.qinglang.infra.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay in front of the test's mail server that passes SMTP through until the mail server has taken the
 * {@code n}-th mail whose conversation names {@code marker} (a recipient's domain), then withholds the server's reply
 * to it: the sender is left waiting between "the server has the mail" and "the sender knows it", the moment a crash
 * makes a mail go twice.
 */
final class SmtpHold implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final String marker;
    private final int n;
    private final AtomicInteger taken = new AtomicInteger();
    private final CountDownLatch holding = new CountDownLatch(1);

    private SmtpHold(int serverPort, String marker, int n) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.serverPort = serverPort;
        this.marker = marker;
        this.n = n;
        Thread.ofVirtual().start(this::accept);
    }

    static SmtpHold start(int serverPort, String marker, int n) throws IOException {
        return new SmtpHold(serverPort, marker, n);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits until the n-th mail has been taken and its reply withheld. */
    boolean holding(java.time.Duration within) throws InterruptedException {
        return holding.await(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                boolean[] withhold = {false};
                Thread.ofVirtual().start(() -> toServer(client, server, withhold));
                Thread.ofVirtual().start(() -> toClient(server, client, withhold));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Passes the client's commands on, counting the mails that end ("CRLF.CRLF") in a conversation naming the marker. */
    private void toServer(Socket client, Socket server, boolean[] withhold) {
        StringBuilder conversation = new StringBuilder();
        byte[] buffer = new byte[8192];
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                conversation.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                int end = conversation.indexOf("\r\n.\r\n");
                if (end >= 0) {
                    if (conversation.indexOf(marker) >= 0 && taken.incrementAndGet() == n) {
                        synchronized (withhold) {
                            withhold[0] = true; // before the mail's end reaches the server, so its reply is held
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                        holding.countDown();
                        continue;
                    }
                    conversation.delete(0, end + 5);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            close(server);
        }
    }

    private static void toClient(Socket server, Socket client, boolean[] withhold) {
        byte[] buffer = new byte[8192];
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                synchronized (withhold) {
                    if (withhold[0]) {
                        continue;
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            close(client);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
