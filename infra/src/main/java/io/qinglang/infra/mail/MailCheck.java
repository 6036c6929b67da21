package io.qinglang.infra.mail;

import io.qinglang.admin.health.application.DependencyCheck;
import io.qinglang.infra.identity.KeycloakOrganizationDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform sends mail two ways: its own notifications through {@code qinglang.mail.host:port} ({@link SmtpMailer}),
 * and the invitations to new staff through Keycloak, which uses the realm's SMTP settings. Each server must greet,
 * answer {@code EHLO} and be left with {@code QUIT}, within two seconds; nothing is sent.
 */
@ApplicationScoped
public class MailCheck implements DependencyCheck {

    private static final int TIMEOUT_MILLIS = 2000;

    private final String host;
    private final int port;
    private final KeycloakOrganizationDirectory keycloak;

    @Inject
    public MailCheck(@ConfigProperty(name = "qinglang.mail.host", defaultValue = "localhost") String host,
                     @ConfigProperty(name = "qinglang.mail.port", defaultValue = "25") int port,
                     KeycloakOrganizationDirectory keycloak) {
        this.host = host;
        this.port = port;
        this.keycloak = keycloak;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public String check() throws IOException {
        Map<String, List<String>> purposes = new LinkedHashMap<>();
        purposes.computeIfAbsent(host + ":" + port, k -> new ArrayList<>()).add("notifications");
        keycloak.mailServer().ifPresent(s -> purposes.computeIfAbsent(s, k -> new ArrayList<>()).add("invitations"));
        StringBuilder answered = new StringBuilder();
        for (var server : purposes.entrySet()) {
            int colon = server.getKey().lastIndexOf(':');
            answered.append(answered.isEmpty() ? "" : "; ").append(String.join(", ", server.getValue())).append(": ")
                    .append(ehlo(server.getKey().substring(0, colon), Integer.parseInt(server.getKey().substring(colon + 1))));
        }
        return answered.toString();
    }

    /** Greets the server and returns what it said to {@code EHLO}; throws if it did not answer as SMTP should. */
    static String ehlo(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220", host, port);
            out.write("EHLO qinglang-health\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = expect(in, "250", host, port);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return host + ":" + port + " answered EHLO (" + reply + ")";
        }
    }

    /** Reads one reply (its continuation lines too) and refuses any other code; returns its last line. */
    private static String expect(BufferedReader in, String code, String host, int port) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException(host + ":" + port + " closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException(host + ":" + port + " answered " + line + " where " + code + " was due");
        }
        return line;
    }
}
