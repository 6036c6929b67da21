package io.qinglang.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A lean HTTP/1.1 client for one server, as wrk and other load generators are: keep-alive connections kept in a pool,
 * one request at a time on each, the request written in one piece and the answer read by its Content-Length or its
 * chunks, on the calling thread. The JDK's HttpClient hands every exchange to its selector and worker threads; run in
 * the benchmark's JVM, on the two cores the server has, it had taken 58 % of this JVM's CPU during the lookups —
 * a cost charged to the platform's side that the JDBC baseline, which sends no HTTP, never pays.
 *
 * <p>A connection the server closed while it lay idle is noticed when its answer ends before its first byte; the
 * request then goes once more on a new connection (the server had not read it: it answers every request it reads).
 */
final class Http1Connections implements AutoCloseable {

    /** An answer: its status and body. */
    record Answer(int status, byte[] body) {
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final byte[] hostHeader;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    Http1Connections(URI base, Duration timeout) {
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("only http://host:port addresses: " + base);
        }
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.hostHeader = ("Host: " + host + (base.getPort() < 0 ? "" : ":" + port) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends one request (a null body sends none) and reads its answer, whatever its status. */
    Answer exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        byte[] request = request(method, path, headers, body);
        Connection reused = idle.pollFirst();
        if (reused != null) {
            try {
                return reused.exchange(request);
            } catch (ClosedWhileIdle stale) {
                reused.close();
            }
        }
        Connection fresh = new Connection(open());
        try {
            return fresh.exchange(request);
        } catch (ClosedWhileIdle e) {
            fresh.close();
            throw new EOFException("the server closed a new connection without answering");
        }
    }

    private byte[] request(String method, String path, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
        out.writeBytes((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(hostHeader);
        headers.forEach((name, value) -> out.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (Connection connection; (connection = idle.pollFirst()) != null; ) {
            connection.close();
        }
    }

    /** The server closed the connection before the answer's first byte: it did not take the request. */
    private static final class ClosedWhileIdle extends IOException {
        ClosedWhileIdle(Throwable cause) {
            super("connection closed before the answer began", cause);
        }
    }

    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        Answer exchange(byte[] request) throws IOException {
            int first;
            try {
                out.write(request);
                out.flush();
                first = in.read();
            } catch (IOException e) {
                throw new ClosedWhileIdle(e);
            }
            if (first < 0) {
                throw new ClosedWhileIdle(null);
            }
            try {
                String statusLine = (char) first + line();
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                    throw new IOException("not an HTTP/1.x status line: " + statusLine);
                }
                int status = Integer.parseInt(statusLine.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean keepAlive = true;
                for (String header; !(header = line()).isEmpty(); ) {
                    int colon = header.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).strip();
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                        default -> {
                        }
                    }
                }
                byte[] body;
                if (chunked) {
                    body = chunks();
                } else if (length >= 0) {
                    body = in.readNBytes(Math.toIntExact(length));
                    if (body.length < length) {
                        throw new EOFException("answer ended after " + body.length + " of " + length + " bytes");
                    }
                } else if (status == 204 || status == 304 || status / 100 == 1) {
                    body = new byte[0];
                } else {
                    body = in.readAllBytes();
                    keepAlive = false;
                }
                if (keepAlive) {
                    idle.offerFirst(this);
                } else {
                    close();
                }
                return new Answer(status, body);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int extension = size.indexOf(';');
                int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
                if (length == 0) {
                    while (!line().isEmpty()) {
                        // trailers: none are used
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(length);
                if (chunk.length < length) {
                    throw new EOFException("a chunk ended after " + chunk.length + " of " + length + " bytes");
                }
                body.writeBytes(chunk);
                if (!line().isEmpty()) {
                    throw new IOException("a chunk did not end with CRLF");
                }
            }
        }

        /** One header line without its CRLF (Latin-1, as HTTP/1.1 header bytes are read). */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException("the answer ended inside its head");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that failed: nothing more to do
            }
        }
    }
}
