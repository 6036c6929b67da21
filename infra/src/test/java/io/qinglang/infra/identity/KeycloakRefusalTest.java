package io.qinglang.infra.identity;

import io.qinglang.platform.shared.domain.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRefusalTest {

    @Test
    void namesTheFieldKeycloakRefused() {
        assertThat(pointer("{\"field\":\"firstName\",\"errorMessage\":\"error-person-name-invalid-character\","
                + "\"params\":[\"firstName\",\"<b>\"]}", "")).isEqualTo(new FieldError("/firstName",
                "is not accepted by the identity provider (error-person-name-invalid-character)"));
        assertThat(pointer("{\"errorMessage\":\"x\",\"errors\":[{\"field\":\"username\",\"errorMessage\":"
                + "\"error-username-invalid-character\"}]}", "/admin").pointer()).isEqualTo("/admin/email");
    }

    @Test
    void anUnknownFieldOrAnUnreadableAnswerIsTheWholeAccount() {
        assertThat(pointer("{\"field\":\"phone\",\"errorMessage\":\"nope\"}", "/admin").pointer()).isEqualTo("/admin");
        assertThat(pointer("<html>bad gateway</html>", "").pointer()).isEmpty();
        assertThat(pointer(null, "").detail()).contains("refused");
    }

    private static FieldError pointer(String body, String at) {
        return KeycloakRefusal.of(body).at(at).errors().getFirst();
    }
}
