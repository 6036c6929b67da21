package io.qinglang.platform.shared.web;

import io.qinglang.infra.server.JsonConfiguration;
import io.qinglang.platform.cases.application.SubmitReport;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The strict reader with the platform's real ObjectMapper. */
class RequestJsonTest {

    private final RequestJson json = new RequestJson(JsonConfiguration.create());

    @Test
    void namesUnknownFieldsByTheirPointer() {
        assertThat(refusal("{\"subject\":{\"type\":\"URL\",\"colour\":\"red\"}}").pointer()).isEqualTo("/subject/colour");
        assertThat(refusal("{\"colour\":\"red\"}").pointer()).isEqualTo("/colour");
    }

    @Test
    void refusesNumbersForTextAndTextForObjects() {
        assertThat(refusal("{\"channel\":42}").pointer()).isEqualTo("/channel");
        assertThat(refusal("{\"subject\":\"x\"}").pointer()).isEqualTo("/subject");
    }

    @Test
    void refusesMalformedDuplicatedTrailingAndEmptyBodies() {
        assertThat(refusal("{\"channel\":").detail()).contains("malformed JSON at line 1");
        assertThat(refusal("{\"channel\":\"a\",\"channel\":\"b\"}").pointer()).isEmpty();
        assertThat(refusal("{} []").pointer()).isEmpty();
        assertThat(refusal("").detail()).contains("required");
        assertThat(refusal("null").detail()).contains("JSON object");
    }

    @Test
    void saysWhenTheBodyIsNotUtf8() {
        byte[] body = {'{', '"', 'd', 'e', 's', 'c', 'r', 'i', 'p', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        assertThat(refusal(body).detail()).contains("UTF-8");
    }

    private FieldError refusal(String body) {
        return refusal(body.getBytes(StandardCharsets.UTF_8));
    }

    private FieldError refusal(byte[] body) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> json.read(body, SubmitReport.class));
        assertThat(refused).as("refused").isNotNull();
        return refused.errors().getFirst();
    }
}
