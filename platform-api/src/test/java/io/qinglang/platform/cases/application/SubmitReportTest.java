package io.qinglang.platform.cases.application;

import static io.qinglang.platform.cases.application.SubmitReportBuilder.aNamedReport;
import static io.qinglang.platform.cases.application.SubmitReportBuilder.aReporter;
import static io.qinglang.platform.cases.application.SubmitReportBuilder.anAnonymousReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmitReportTest {

    /** The JSON pointers the report is refused for, each once; empty when it is valid. */
    private static List<String> refusedFields(SubmitReportBuilder report) {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, () -> report.build().validate());
        return refusal == null ? List.of() : refusal.errors().stream().map(FieldError::pointer).distinct().toList();
    }

    @Test
    void acceptsAnAnonymousReportWithoutReporterOrContact() {
        assertThat(refusedFields(anAnonymousReport())).isEmpty();
    }

    @Test
    void acceptsAnAnonymousReportWithAWayToContactTheReporter() {
        assertThat(refusedFields(anAnonymousReport().contact("whistle@example.org", null))).isEmpty();
        assertThat(refusedFields(anAnonymousReport().contact(null, "+86 (10) 1234-5678"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONFIDENTIAL", "NAMED"})
    void acceptsAnIdentifiedReportWithItsReporter(String anonymity) {
        assertThat(refusedFields(anAnonymousReport().anonymity(anonymity).reporter(aReporter()))).isEmpty();
    }

    @Test
    void rejectsAReportWithoutChannel() {
        assertThat(refusedFields(anAnonymousReport().channel(null))).containsExactly("/channel");
        assertThat(refusedFields(anAnonymousReport().channel(" "))).containsExactly("/channel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEB", "web form", "-web", "web/form", "网站", "a2345678901234567890123456789012345678901"})
    void rejectsAChannelThatIsNotAChannelCode(String channel) {
        assertThat(refusedFields(anAnonymousReport().channel(channel))).containsExactly("/channel");
    }

    @Test
    void rejectsAReportWithoutCategory() {
        assertThat(refusedFields(anAnonymousReport().category(null))).containsExactly("/category");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "SECRET", "PSEUDONYMOUS"})
    void rejectsAnUnknownAnonymityWithoutAlsoAskingForTheReporter(String anonymity) {
        assertThat(refusedFields(anAnonymousReport().anonymity(anonymity))).containsExactly("/anonymity");
    }

    @Test
    void rejectsAReportWithoutAnonymityChoice() {
        assertThat(refusedFields(anAnonymousReport().anonymity(null))).containsExactly("/anonymity");
    }

    @Test
    void rejectsAnonymousReportWithReporterIdentity() {
        assertThat(refusedFields(anAnonymousReport().reporter(aReporter()))).containsExactly("/reporter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONFIDENTIAL", "NAMED"})
    void rejectsAnIdentifiedReportWithoutReporter(String anonymity) {
        assertThat(refusedFields(anAnonymousReport().anonymity(anonymity))).containsExactly("/reporter");
    }

    @Test
    void rejectsAReporterWithoutName() {
        assertThat(refusedFields(aNamedReport().reporter(new SubmitReport.ReporterInput(" ", null, null))))
                .containsExactly("/reporter/name");
    }

    @Test
    void rejectsAReportWithoutSubject() {
        assertThat(refusedFields(anAnonymousReport().subject(null))).containsExactly("/subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEBSITE", "url", "Url", ""})
    void rejectsASubjectOfUnknownType(String type) {
        assertThat(refusedFields(anAnonymousReport().subject(type, "https://example.com/"))).containsExactly("/subject/type");
    }

    @Test
    void rejectsASubjectWithoutValue() {
        assertThat(refusedFields(anAnonymousReport().subject("ACCOUNT", null))).containsExactly("/subject/value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.com/file", "example.com/page", "file:///etc/passwd",
            "https://", "http://exa mple.com/", "data:text/html,<b>hi</b>"})
    void rejectsAUrlSubjectThatIsNotAWebAddress(String url) {
        assertThat(refusedFields(anAnonymousReport().subject("URL", url))).containsExactly("/subject/value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/", "http://example.com:8080/a?b=c#d", "HTTPS://EXAMPLE.COM/"})
    void acceptsAUrlSubjectThatIsAWebAddress(String url) {
        assertThat(refusedFields(anAnonymousReport().subject("URL", url))).isEmpty();
    }

    @Test
    void acceptsAnAccountSubjectThatLooksNothingLikeAUrl() {
        assertThat(refusedFields(anAnonymousReport().subject("ACCOUNT", "微信号 scam_888"))).isEmpty();
    }

    @Test
    void rejectsADescriptionOfMoreThanTenThousandCharacters() {
        assertThat(refusedFields(anAnonymousReport().description("举".repeat(10_001)))).containsExactly("/description");
    }

    @Test
    void acceptsADescriptionOfExactlyTenThousandCharactersCountingCodePoints() {
        assertThat(refusedFields(anAnonymousReport().description("举".repeat(10_000)))).isEmpty();
        assertThat(refusedFields(anAnonymousReport().description("𠀀".repeat(10_000)))).as("supplementary characters")
                .isEmpty();
    }

    @Test
    void rejectsAReportWithoutDescription() {
        assertThat(refusedFields(anAnonymousReport().description(""))).containsExactly("/description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085"})
    void rejectsControlCharactersInTheDescription(String control) {
        assertThat(refusedFields(anAnonymousReport().description("see" + control + "here"))).containsExactly("/description");
    }

    @Test
    void acceptsLineBreaksAndTabsInTheDescription() {
        assertThat(refusedFields(anAnonymousReport().description("first line\r\nsecond\tline\n"))).isEmpty();
    }

    @Test
    void rejectsControlCharactersInTheSubject() {
        assertThat(refusedFields(anAnonymousReport().subject("ACCOUNT", "scam\u0000"))).containsExactly("/subject/value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "two@@example.com", "space in@example.com", "@example.com", ""})
    void rejectsAContactEmailThatIsNotAnAddress(String email) {
        assertThat(refusedFields(anAnonymousReport().contact(email, null))).containsExactly("/contact/email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "12", "+86 abc 1234", "++8613800138000", "1380013800012345678901234567"})
    void rejectsAContactPhoneThatIsNotANumber(String phone) {
        assertThat(refusedFields(anAnonymousReport().contact(null, phone))).containsExactly("/contact/phone");
    }

    @Test
    void rejectsAContactWithNeitherEmailNorPhone() {
        assertThat(refusedFields(anAnonymousReport().contact(null, null))).containsExactly("/contact");
    }

    @Test
    void listsEveryRefusedFieldAtOnce() {
        SubmitReportBuilder report = anAnonymousReport().channel(null).category("Fraud!").subject(null)
                .description("x\u0000").anonymity("CONFIDENTIAL").contact("nobody", "phone");

        assertThat(refusedFields(report)).containsExactlyInAnyOrder("/channel", "/category", "/subject",
                "/description", "/reporter", "/contact/email", "/contact/phone");
    }

    @Test
    void namesEachProblemInTheRefusal() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> anAnonymousReport().channel(null).reporter(aReporter()).build().validate());

        assertThat(refusal.code()).isEqualTo("INVALID_INPUT");
        assertThat(refusal.errors()).containsExactly(new FieldError("/channel", "is required"),
                new FieldError("/reporter", "must be omitted for an anonymous report"));
    }
}
