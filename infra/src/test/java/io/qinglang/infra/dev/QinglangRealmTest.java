package io.qinglang.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QinglangRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fillsEveryPlaceholder() throws Exception {
        String json = new QinglangRealm("127.0.0.1", 3025, "s3cret", "pw", "http://localhost:8080/*").toJson();

        assertThat(json).doesNotContain("{{");
        JsonNode realm = JSON.readTree(json);
        assertThat(realm.at("/smtpServer/port").asText()).isEqualTo("3025");
        assertThat(realm.at("/clients/0/secret").asText()).isEqualTo("s3cret");
        assertThat(realm.at("/clients/1/redirectUris/0").asText()).isEqualTo("http://localhost:8080/*");
    }

    @Test
    void keepsASecretWithQuotesAndBackslashesInsideItsString() throws Exception {
        String awkward = "a\"b\\c\n";

        JsonNode realm = JSON.readTree(new QinglangRealm("h", 1, awkward, "pw", "u").toJson());

        assertThat(realm.at("/clients/0/secret").asText()).isEqualTo(awkward);
    }
}
