package io.qinglang.infra.dev;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs a user in the way a script or test does (OAuth password grant) and reads the access
 * token's claims. The signature is not checked here: the token comes straight from Keycloak.
 *
 * @param tokenUrl the realm's token endpoint
 * @param clientId a public client with direct access grants enabled
 */
record PasswordGrant(String tokenUrl, String clientId) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /** The claims of an access token for {@code username}. */
    Map<String, Object> accessTokenClaims(String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=%s&username=%s&password=%s&scope=openid"
                .formatted(encoded(clientId), encoded(username), encoded(password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request for " + username + " failed: "
                        + response.statusCode() + " " + response.body());
            }
            String accessToken = (String) JSON.readValue(response.body(), OBJECT).get("access_token");
            return JSON.readValue(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), OBJECT);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
