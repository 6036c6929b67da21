package io.qinglang.infra.mail;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP greeting against a small server on a real socket that says what each test wants it to say. */
class MailCheckTest {

    /** Serves one connection: the greeting, then {@code ehloReply} to whatever comes; records what it was sent. */
    private static ServerSocket server(String greeting, String ehloReply, List<String> heard) throws IOException {
        return server(greeting, ehloReply, heard, new CountDownLatch(1));
    }

    /** As above; {@code served} is counted down once the connection has ended on the server's side too. */
    private static ServerSocket server(String greeting, String ehloReply, List<String> heard, CountDownLatch served)
            throws IOException {
        ServerSocket server = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                if (greeting == null) {
                    return; // closes at once
                }
                out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                heard.add(in.readLine());
                out.write(ehloReply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String quit = in.readLine();
                if (quit != null) {
                    heard.add(quit);
                }
            } catch (IOException ignored) {
                // the test reads what the check made of it
            } finally {
                served.countDown();
            }
        });
        return server;
    }

    @Test
    void aServerThatGreetsAndAnswersEhloIsWellAndIsLeftWithQuit() throws IOException, InterruptedException {
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch served = new CountDownLatch(1);
        try (ServerSocket server = server("220 mail.example ESMTP\r\n",
                "250-mail.example greets qinglang-health\r\n250-SIZE 10240000\r\n250 HELP\r\n", heard, served)) {
            assertThat(MailCheck.ehlo("localhost", server.getLocalPort())).contains("answered EHLO (250 HELP)");
            assertThat(served.await(5, TimeUnit.SECONDS)).as("the server saw the connection end").isTrue();
        }
        assertThat(heard).containsExactly("EHLO qinglang-health", "QUIT");
    }

    @Test
    void aRefusalIsAProblemSayingWhatTheServerAnswered() throws IOException {
        try (ServerSocket server = server("554 no service here\r\n", "", new CopyOnWriteArrayList<>())) {
            assertThatThrownBy(() -> MailCheck.ehlo("localhost", server.getLocalPort())).isInstanceOf(IOException.class)
                    .hasMessageContaining("554 no service here").hasMessageContaining("220");
        }
    }

    @Test
    void aServerThatHangsUpIsAProblem() throws IOException {
        try (ServerSocket server = server(null, "", new CopyOnWriteArrayList<>())) {
            assertThatThrownBy(() -> MailCheck.ehlo("localhost", server.getLocalPort())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void nothingListeningIsAProblem() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> MailCheck.ehlo("localhost", port)).isInstanceOf(IOException.class);
    }
}
