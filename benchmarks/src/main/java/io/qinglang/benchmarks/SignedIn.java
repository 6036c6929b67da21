package io.qinglang.benchmarks;

import io.qinglang.infra.dev.Endpoints;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A user signed in at the realm by password grant, as a script would: an access token from the consoles' client
 * (it carries the API's audience, the groups and the organizations), asked for anew when older than two minutes —
 * Keycloak's last five. Reading a young token takes no lock, so concurrent clients can ask on every request.
 */
final class SignedIn implements Supplier<String> {

    private static final long REFRESH_NANOS = Duration.ofMinutes(2).toNanos();

    private record Token(String value, long fetchedNanos) {
    }

    private final PlatformClient client;
    private final Endpoints endpoints;
    private final String username;
    private final String password;
    private volatile Token token;

    SignedIn(PlatformClient client, Endpoints endpoints, String username, String password) {
        this.client = client;
        this.endpoints = endpoints;
        this.username = username;
        this.password = password;
    }

    @Override
    public String get() {
        Token current = token;
        return (young(current) ? current : refresh()).value();
    }

    private synchronized Token refresh() {
        if (!young(token)) {
            try {
                token = new Token(fetch(), System.nanoTime());
            } catch (IOException | RequestFailed e) {
                throw new IllegalStateException(username + " could not sign in: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    private static boolean young(Token token) {
        return token != null && System.nanoTime() - token.fetchedNanos() < REFRESH_NANOS;
    }

    private String fetch() throws IOException, InterruptedException, RequestFailed {
        String form = "grant_type=password&scope=openid%20organization&client_id=" + enc(endpoints.consoleClientId())
                + "&username=" + enc(username) + "&password=" + enc(password);
        return client.postForm(endpoints.tokenUrl(), form).path("access_token").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
