package io.qinglang.infra.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonConfigurationTest {

    record Command(String name, int count) {
    }

    record Choice(Level level) {
    }

    enum Level { LOW, HIGH }

    record Event(String what, Instant at) {
    }

    private final ObjectMapper mapper = JsonConfiguration.create();

    @Test
    void readsAWellFormedCommand() throws JsonProcessingException {
        assertThat(mapper.readValue("{\"name\":\"web\",\"count\":2}", Command.class)).isEqualTo(new Command("web", 2));
    }

    @Test
    void refusesUnknownProperties() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"web\",\"count\":2,\"admin\":true}", Command.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "4.2", "true"})
    void refusesAScalarWhereAStringIsExpected(String scalar) {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":" + scalar + ",\"count\":2}", Command.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "true", "null", "[2]"})
    void refusesAnythingButAnIntegerWhereAnIntegerIsExpected(String value) {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"web\",\"count\":" + value + "}", Command.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5", "0.9", "-1.5"})
    void refusesAFractionWhereAnIntegerIsExpectedRatherThanTruncatingIt(String value) {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"web\",\"count\":" + value + "}", Command.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesANumberForAnEnum() {
        assertThatThrownBy(() -> mapper.readValue("{\"level\":1}", Choice.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"web\",\"name\":\"hotline\",\"count\":2}", Command.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'name'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"web\",\"count\":2} {\"name\":\"hotline\",\"count\":3}",
            "{\"name\":\"web\",\"count\":2}]", "{\"name\":\"web\",\"count\":2} 1"})
    void refusesTrailingTokens(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Command.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void writesInstantsAsIsoStrings() throws JsonProcessingException {
        String json = mapper.writeValueAsString(new Event("received", Instant.parse("2026-04-15T08:30:00.5Z")));

        assertThat(json).isEqualTo("{\"what\":\"received\",\"at\":\"2026-04-15T08:30:00.500Z\"}");
    }

    @Test
    void readsInstantsFromIsoStrings() throws JsonProcessingException {
        assertThat(mapper.readValue("{\"what\":\"x\",\"at\":\"2026-04-15T08:30:00Z\"}", Event.class).at())
                .isEqualTo(Instant.parse("2026-04-15T08:30:00Z"));
    }

    @Test
    void leavesOutNullFields() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(new Event("received", null))).isEqualTo("{\"what\":\"received\"}");
    }

    @Test
    void servesTheSameMapperToJersey() {
        assertThat(new ObjectMapperResolver().getContext(Command.class)).isSameAs(JsonConfiguration.MAPPER);
    }
}
