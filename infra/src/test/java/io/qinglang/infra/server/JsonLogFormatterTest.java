package io.qinglang.infra.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;
import io.qinglang.infra.http.TraceContext;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLogFormatterTest {

    /** Jackson's defaults refuse raw control characters in strings; trailing tokens would mean two objects. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.qinglang.platform.cases.application.IntakeService");
        record.setInstant(Instant.parse("2026-04-15T08:30:00.123Z"));
        return record;
    }

    /** The formatted record, checked to be exactly one line, parsed as one JSON object. */
    private JsonNode formatted(LogRecord record) throws JsonProcessingException {
        String line = formatter.format(record);
        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r");
        JsonNode json = JSON.readTree(line);
        assertThat(json.isObject()).isTrue();
        return json;
    }

    @Test
    void writesTimeLevelLoggerThreadAndMessage() throws JsonProcessingException {
        JsonNode json = formatted(record(Level.INFO, "Case JB-2026-000123 received"));

        assertThat(json.get("ts").asText()).isEqualTo("2026-04-15T08:30:00.123Z");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("io.qinglang.platform.cases.application.IntakeService");
        assertThat(json.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(json.get("msg").asText()).isEqualTo("Case JB-2026-000123 received");
        assertThat(json.has("exception")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hello\"", "back\\slash \\u0041 \\n", "two\nlines", "carriage\rreturn\r\n",
            "tab\there", "nul\u0000byte", "bell\u0007 escape\u001b[31m", "delete\u007f", "unit\u001fseparator",
            "line\u2028separator", "投诉举报 ✓ 😀", "{\"injected\":true}", "\"},{\"level\":\"SEVERE"})
    void keepsEveryMessageInsideOneJsonString(String message) throws JsonProcessingException {
        JsonNode json = formatted(record(Level.WARNING, message));

        assertThat(json.get("msg").asText()).isEqualTo(message);
        assertThat(json.get("level").asText()).isEqualTo("WARNING");
    }

    @Test
    void fillsInMessageParameters() throws JsonProcessingException {
        LogRecord record = record(Level.INFO, "Tenant {0} onboarded with template {1}");
        record.setParameters(new Object[]{"shanghai-\"cac\"", "INTERNET_CONTENT"});

        assertThat(formatted(record).get("msg").asText())
                .isEqualTo("Tenant shanghai-\"cac\" onboarded with template INTERNET_CONTENT");
    }

    @Test
    void writesTheExceptionWithItsCauseAsOneField() throws JsonProcessingException {
        LogRecord record = record(Level.SEVERE, "Unexpected error, trace 4bf92f3577b34da6");
        record.setThrown(new IllegalStateException("bad \"state\"\n\tat fake.Frame",
                new IllegalArgumentException("cause with \u0001 control")));

        JsonNode json = formatted(record);

        assertThat(json.get("exception").asText())
                .startsWith("java.lang.IllegalStateException: bad \"state\"\n\tat fake.Frame")
                .contains("JsonLogFormatterTest")
                .contains("Caused by: java.lang.IllegalArgumentException: cause with \u0001 control");
    }

    @Test
    void writesARecordWithoutMessageOrLoggerName() throws JsonProcessingException {
        LogRecord record = new LogRecord(Level.FINE, null);

        JsonNode json = formatted(record);

        assertThat(json.get("msg").asText()).isEmpty();
        assertThat(json.get("logger").asText()).isEmpty();
    }

    @Test
    void aLineWrittenWhileARequestIsServedCarriesItsTraceIdAndNoOtherDoes() throws Exception {
        TraceContext trace = TraceContext.continuing("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Context request = Context.create();
        request.register(trace);

        JsonNode during = Contexts.runInContext(request, () -> formatted(record(Level.INFO, "GET /api 200 3ms")));

        assertThat(during.get("trace").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(formatted(record(Level.INFO, "Jobs: 1 notification(s) sent")).has("trace")).isFalse();
    }
}
