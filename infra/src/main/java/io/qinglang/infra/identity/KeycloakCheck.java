package io.qinglang.infra.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.admin.health.application.DependencyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Keycloak answers for the realm: its OpenID discovery document names the issuer, within three seconds. */
@ApplicationScoped
public class KeycloakCheck implements DependencyCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    public KeycloakCheck(KeycloakSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public String check() throws Exception {
        URI discovery = URI.create(settings.url() + "/realms/" + settings.realm() + "/.well-known/openid-configuration");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(discovery + " answered " + response.statusCode());
        }
        String issuer = JSON.readTree(response.body()).path("issuer").asText("");
        if (issuer.isEmpty()) {
            throw new IllegalStateException(discovery + " names no issuer");
        }
        return "realm " + settings.realm() + " at " + issuer;
    }
}
