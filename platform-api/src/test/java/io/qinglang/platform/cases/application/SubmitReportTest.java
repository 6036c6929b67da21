package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class SubmitReportTest {

    static SubmitReport anonymous() {
        return new SubmitReport("web", "fraud", new SubmitReport.SubjectInput("URL", "https://scam.example/x"),
                "A fake shop takes money and sends nothing.", "ANONYMOUS", null, null);
    }

    @Test
    void acceptsAnAnonymousReportWithOptionalContact() {
        assertThatCode(() -> anonymous().validate()).doesNotThrowAnyException();
        SubmitReport withContact = new SubmitReport("web", "fraud", anonymous().subject(), "d", "ANONYMOUS", null,
                new SubmitReport.ContactInput("me@example.org", null));
        assertThatCode(withContact::validate).doesNotThrowAnyException();
    }

    @Test
    void refusesAnIdentityOnAnAnonymousReport() {
        SubmitReport report = new SubmitReport("web", "fraud", anonymous().subject(), "d", "ANONYMOUS",
                new SubmitReport.ReporterInput("张三", null, null), null);
        assertThat(pointers(report)).containsExactly("/reporter");
    }

    @Test
    void requiresAnIdentityForConfidentialAndNamedReports() {
        for (String anonymity : List.of("CONFIDENTIAL", "NAMED")) {
            SubmitReport report = new SubmitReport("web", "fraud", anonymous().subject(), "d", anonymity, null, null);
            assertThat(pointers(report)).containsExactly("/reporter");
        }
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        SubmitReport report = new SubmitReport("Web Form", null, new SubmitReport.SubjectInput("URL", "javascript:alert(1)"),
                "x".repeat(10_001), "SECRET", null, new SubmitReport.ContactInput("nobody", "call me"));
        assertThat(pointers(report)).contains("/channel", "/category", "/subject/value", "/description", "/anonymity",
                "/contact/email", "/contact/phone");
    }

    @Test
    void refusesAMissingSubjectUnknownSubjectTypeAndControlCharacters() {
        assertThat(pointers(new SubmitReport("web", "fraud", null, "d", "ANONYMOUS", null, null))).containsExactly("/subject");
        assertThat(pointers(new SubmitReport("web", "fraud", new SubmitReport.SubjectInput("PLANET", "Mars"), "d",
                "ANONYMOUS", null, null))).containsExactly("/subject/type");
        assertThat(pointers(new SubmitReport("web", "fraud", anonymous().subject(), "bell\u0007", "ANONYMOUS", null, null)))
                .containsExactly("/description");
    }

    @Test
    void refusesAnEmptyContact() {
        SubmitReport report = new SubmitReport("web", "fraud", anonymous().subject(), "d", "ANONYMOUS", null,
                new SubmitReport.ContactInput(null, null));
        assertThat(pointers(report)).containsExactly("/contact");
    }

    private static List<String> pointers(SubmitReport report) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(report::validate);
        assertThat(thrown).isInstanceOf(InvalidInput.class);
        return ((InvalidInput) thrown).errors().stream().map(FieldError::pointer).distinct().toList();
    }
}
