package io.qinglang.platform.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestJsonTest {

    record Subject(String type, String value) {
    }

    record Report(String description, Subject subject, List<String> tags) {
    }

    private final RequestJson json = new RequestJson(new ObjectMapper());

    @Test
    void refusesAnUnpairedSurrogateNamingItsString() {
        assertThat(refusal("{\"description\":\"\\ud800 x\"}")).extracting(FieldError::pointer).isEqualTo("/description");
        assertThat(refusal("{\"subject\":{\"value\":\"\\udc00\\ud800\"}}").pointer()).isEqualTo("/subject/value");
        assertThat(refusal("{\"tags\":[\"ok\",\"\\ud83d\"]}").pointer()).isEqualTo("/tags/1");
        assertThat(refusal("{\"subject\":{\"\\ud800\":\"x\"}}").pointer()).isEqualTo("/subject");
    }

    @Test
    void takesSurrogatePairs() {
        Report report = json.read("{\"description\":\"\\ud83d\\ude00 😀\"}".getBytes(StandardCharsets.UTF_8), Report.class);
        assertThat(report.description()).isEqualTo("😀 😀");
    }

    @Test
    void refusesBytesThatAreNotUtf8NamingTheStringTheyAreIn() {
        FieldError overlong = refusal(bytes("{\"subject\":{\"value\":\"a", 0xC0, 0xAF, "\"},\"description\":\"x\"}"));
        assertThat(overlong.pointer()).isEqualTo("/subject/value");
        assertThat(overlong.detail()).contains("UTF-8");
        assertThat(refusal(bytes("{\"description\":\"", 0xED, 0xA0, 0x80, "\"}")).pointer()).isEqualTo("/description");
        assertThat(refusal(bytes("{\"descr", 0xFF, "iption\":\"x\"}"))).isEqualTo(new FieldError("",
                "request body is not valid UTF-8"));
    }

    private FieldError refusal(String body) {
        return refusal(body.getBytes(StandardCharsets.UTF_8));
    }

    private FieldError refusal(byte[] body) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> json.read(body, Report.class));
        assertThat(refused).as(new String(body, StandardCharsets.UTF_8)).isNotNull();
        assertThat(refused.errors()).hasSize(1);
        return refused.errors().getFirst();
    }

    /** Text and single bytes in a row. */
    private static byte[] bytes(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            if (piece instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) piece);
            }
        }
        return out.toByteArray();
    }
}
