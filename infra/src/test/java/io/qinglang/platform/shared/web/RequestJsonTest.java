package io.qinglang.platform.shared.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qinglang.infra.server.ObjectMapperResolver;
import io.qinglang.platform.cases.application.SubmitReport;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lives in infra so it reads with the platform's real mapper (JsonConfiguration), the one the server injects.
 */
class RequestJsonTest {

    private static final String REPORT = """
            {"channel": "web", "category": "fraud",
             "subject": {"type": "URL", "value": "https://example.com/"},
             "description": "A lottery scam.", "anonymity": "ANONYMOUS"}""";

    private final RequestJson json = new RequestJson(new ObjectMapperResolver().getContext(RequestJson.class));

    private FieldError refusal(byte[] body) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> json.read(body, SubmitReport.class));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.code()).isEqualTo("INVALID_INPUT");
        assertThat(refused.errors()).hasSize(1);
        return refused.errors().getFirst();
    }

    private FieldError refusal(String body) {
        return refusal(body.getBytes(UTF_8));
    }

    @Test
    void readsAWellFormedReport() {
        SubmitReport report = json.read(REPORT.getBytes(UTF_8), SubmitReport.class);

        assertThat(report.channel()).isEqualTo("web");
        assertThat(report.subject()).isEqualTo(new SubmitReport.SubjectInput("URL", "https://example.com/"));
        assertThat(report.reporter()).isNull();
    }

    @Test
    void refusesMalformedJsonNamingLineAndColumn() {
        FieldError error = refusal("{\"channel\": \"web\",\n  \"category\" \"fraud\"}");

        assertThat(error.pointer()).isEmpty();
        assertThat(error.detail()).isEqualTo("malformed JSON at line 2, column 14");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"channel\": web}", "{'channel': 'web'}", "{\"channel\": \"web\",}", "<report/>"})
    void refusesMalformedJsonForTheWholeBody(String body) {
        FieldError error = refusal(body);

        assertThat(error.pointer()).isEmpty();
        assertThat(error.detail()).contains("line", "column");
    }

    @Test
    void refusesBytesThatAreNotUtf8BeforeTheFirstValue() {
        byte[] body = {'{', (byte) 0xC3, (byte) 0x28, '}'};

        FieldError error = refusal(body);

        assertThat(error.pointer()).isEmpty();
        assertThat(error.detail()).isEqualTo("request body is not valid UTF-8");
    }

    /** The usual case: a client that sends its text in the platform's legacy encoding (GBK) instead. */
    @Test
    void refusesATextValueThatIsNotUtf8() {
        byte[] gbk = "{\"channel\": \"web\", \"description\": \"举报\"}".getBytes(Charset.forName("GBK"));

        FieldError error = refusal(gbk);

        assertThat(error.pointer()).isEqualTo("/description");
        assertThat(error.detail()).isEqualTo("is not valid UTF-8");
    }

    @Test
    void refusesAnInvalidByteInsideAString() {
        byte[] body = {'{', '"', 'c', 'h', 'a', 'n', 'n', 'e', 'l', '"', ':', '"', 'w', (byte) 0xFF, 'b', '"', '}'};

        FieldError error = refusal(body);

        assertThat(error.pointer()).isEqualTo("/channel");
        assertThat(error.detail()).isEqualTo("is not valid UTF-8");
    }

    @Test
    void refusesARawControlCharacterInsideAStringAsMalformed() {
        FieldError error = refusal("{\"subject\": {\"type\": \"URL\u0000\"}}");

        assertThat(error.pointer()).isEmpty();
        assertThat(error.detail()).isEqualTo("malformed JSON at line 1, column 26");
    }

    @Test
    void refusesAnUnknownFieldByItsPointer() {
        FieldError error = refusal("{\"channel\": \"web\", \"priority\": \"HIGH\"}");

        assertThat(error.pointer()).isEqualTo("/priority");
        assertThat(error.detail()).isEqualTo("is not a known field");
    }

    @Test
    void refusesANestedUnknownFieldByItsFullPointer() {
        FieldError error = refusal("{\"subject\": {\"type\": \"URL\", \"color\": \"red\"}}");

        assertThat(error.pointer()).isEqualTo("/subject/color");
    }

    @Test
    void escapesSlashAndTildeInAFieldNamesPointer() {
        assertThat(refusal("{\"a/b~c\": 1}").pointer()).isEqualTo("/a~1b~0c");
    }

    @Test
    void refusesAWrongTypeByItsPointer() {
        FieldError error = refusal("{\"channel\": 42}");

        assertThat(error.pointer()).isEqualTo("/channel");
        assertThat(error.detail()).contains("wrong type");
    }

    @Test
    void refusesAStringWhereAnObjectIsExpected() {
        FieldError error = refusal("{\"subject\": \"https://example.com/\"}");

        assertThat(error.pointer()).isEqualTo("/subject");
        assertThat(error.detail()).contains("wrong type");
    }

    @Test
    void refusesAWrongTypeInsideANestedObject() {
        assertThat(refusal("{\"contact\": {\"email\": [\"a@example.org\"]}}").pointer()).isEqualTo("/contact/email");
    }

    @Test
    void refusesAnEmptyBody() {
        FieldError error = refusal(new byte[0]);

        assertThat(error.pointer()).isEmpty();
        assertThat(error.detail()).isEqualTo("request body is required");
    }

    @Test
    void refusesNoBodyAtAll() {
        assertThat(refusal((byte[]) null).detail()).isEqualTo("request body is required");
    }

    @Test
    void refusesAJsonNullBody() {
        FieldError error = refusal(" null ");

        assertThat(error.pointer()).isEmpty();
        assertThat(error.detail()).isEqualTo("request body must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "[]", "\"report\"", "42"})
    void refusesABodyThatIsNotAnObject(String body) {
        assertThat(refusal(body).pointer()).isEmpty();
    }

    @Test
    void refusesADuplicateField() {
        FieldError error = refusal("{\"channel\": \"web\", \"channel\": \"hotline\"}");

        assertThat(error.pointer()).isEmpty();
        assertThat(error.detail()).startsWith("malformed JSON");
    }

    @Test
    void refusesASecondDocumentAfterTheFirst() {
        assertThat(refusal(REPORT + " {}").pointer()).isEmpty();
    }
}
