package io.qinglang.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.admin.onboarding.application.AccountFields;

import java.io.IOException;
import java.util.Map;

/**
 * Reads Keycloak's 400 for a user it will not create — {@code {"field": "firstName", "errorMessage":
 * "error-person-name-invalid-character", …}}, or several such under {@code errors} — as the account field it
 * concerns (the user name is the e-mail address).
 */
final class KeycloakRefusal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FIELDS = Map.of("username", "email", "email", "email",
            "firstName", "firstName", "lastName", "lastName");

    private KeycloakRefusal() {
    }

    static AccountFields.Refused of(String body) {
        JsonNode error;
        try {
            JsonNode answer = JSON.readTree(body == null ? "" : body);
            error = answer != null && answer.path("errors").isArray() && !answer.path("errors").isEmpty()
                    ? answer.path("errors").get(0) : answer;
        } catch (IOException e) {
            error = null;
        }
        if (error == null || !error.isObject()) {
            return new AccountFields.Refused(null, "refused");
        }
        String reason = error.path("errorMessage").asText(error.path("error").asText("refused"));
        return new AccountFields.Refused(FIELDS.get(error.path("field").asText("")), reason);
    }
}
