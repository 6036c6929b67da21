package io.qinglang.benchmarks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's lean HTTP/1.1 client against the JDK's HTTP server and against a server written byte by byte. */
class Http1ConnectionsTest {

    private HttpServer server;
    private final Set<InetSocketAddress> clientsSeen = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            clientsSeen.add(exchange.getRemoteAddress());
            byte[] body = ("%s %s %s %s".formatted(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("X-Test"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    out.write(("part " + i + ";").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1); // -1: no body
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Http1Connections connections() {
        return new Http1Connections(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5));
    }

    @Test
    void sendsTheRequestAndReadsTheAnswerByItsLength() throws IOException {
        try (Http1Connections http = connections()) {
            Http1Connections.Answer answer = http.exchange("POST", "/echo?x=1", Map.of("X-Test", "yes"),
                    "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(answer.status()).isEqualTo(201);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("POST /echo?x=1 yes {\"a\":\"é\"}");
        }
    }

    @Test
    void keepsTheConnectionForTheNextRequest() throws IOException {
        try (Http1Connections http = connections()) {
            for (int i = 0; i < 5; i++) {
                assertThat(http.exchange("GET", "/echo", Map.of(), null).status()).isEqualTo(201);
            }
        }
        assertThat(clientsSeen).hasSize(1);
    }

    @Test
    void readsAChunkedAnswerAndAnAnswerWithoutBody() throws IOException {
        try (Http1Connections http = connections()) {
            Http1Connections.Answer chunked = http.exchange("GET", "/chunked", Map.of(), null);
            Http1Connections.Answer missing = http.exchange("GET", "/missing", Map.of(), null);
            Http1Connections.Answer after = http.exchange("GET", "/echo", Map.of(), null);

            assertThat(new String(chunked.body(), StandardCharsets.UTF_8)).isEqualTo("part 0;part 1;part 2;");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).isEmpty();
            assertThat(after.status()).isEqualTo(201);
        }
    }

    @Test
    void sendsARequestAgainOnANewConnectionWhenTheServerClosedTheIdleOne() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        CountDownLatch firstClosed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofPlatform().start(() -> {
                try {
                    for (int connection = 0; connection < 2; connection++) {
                        try (Socket socket = listener.accept()) {
                            requests.add(readHead(socket.getInputStream()));
                            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                    .getBytes(StandardCharsets.US_ASCII));
                            socket.getOutputStream().flush();
                        } // closed after one answer, without saying so: the next request finds it closed
                        firstClosed.countDown();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Http1Connections http = new Http1Connections(URI.create("http://127.0.0.1:" + listener.getLocalPort()),
                    Duration.ofSeconds(5))) {
                assertThat(http.exchange("GET", "/first", Map.of(), null).body()).asString().isEqualTo("ok");
                assertThat(firstClosed.await(5, TimeUnit.SECONDS)).isTrue(); // as an idle timeout would close it
                assertThat(http.exchange("GET", "/second", Map.of(), null).body()).asString().isEqualTo("ok");
            }
            serverThread.join(5_000);
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).startsWith("GET /first HTTP/1.1");
        assertThat(requests.get(1)).startsWith("GET /second HTTP/1.1");
    }

    @Test
    void anAnswerCutShortIsAnError() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().start(() -> {
                try (Socket socket = listener.accept()) {
                    readHead(socket.getInputStream());
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Http1Connections http = new Http1Connections(URI.create("http://127.0.0.1:" + listener.getLocalPort()),
                    Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> http.exchange("GET", "/", Map.of(), null))
                        .isInstanceOf(IOException.class).hasMessageContaining("5 of 10 bytes");
            }
        }
    }

    @Test
    void refusesAnAddressItCannotSpeakTo() {
        assertThatThrownBy(() -> new Http1Connections(URI.create("https://example.org"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
