package io.qinglang.platform.cases.domain;

import static io.qinglang.platform.cases.domain.EvidenceFixtures.SAMPLES;
import static io.qinglang.platform.cases.domain.EvidenceFixtures.aFile;
import static io.qinglang.platform.cases.domain.EvidenceFixtures.aSample;
import static io.qinglang.platform.cases.domain.EvidenceFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qinglang.platform.shared.domain.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceLimitsTest {

    private final EvidenceLimits limits = new EvidenceLimits(5, 10_000_000);

    static Stream<String> allowedTypes() {
        return EvidenceLimits.allowedTypes().stream().sorted();
    }

    static Stream<String> binaryTypes() {
        return allowedTypes().filter(type -> !type.equals("text/plain"));
    }

    @Test
    void hasASampleForEveryAllowedType() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EvidenceLimits.allowedTypes());
    }

    @ParameterizedTest
    @MethodSource("allowedTypes")
    void acceptsEachAllowedTypeWithItsSignature(String type) {
        assertThatCode(() -> limits.check(0, aSample(type))).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnMp3WithoutId3TagByItsFrameSync() {
        assertThatCode(() -> limits.check(0, aFile("audio/mpeg", file(0xFF, 0xFB, 0x90, 0x64))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMAGE/PNG", "image/png; name=\"photo.png\"", " Image/Png ;charset=binary"})
    void acceptsADeclaredTypeWithParametersOrInUpperCase(String declared) {
        assertThatCode(() -> limits.check(0, aFile(declared, SAMPLES.get("image/png")))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("binaryTypes")
    void refusesAScriptDeclaredAsAnAllowedBinaryType(String type) {
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> limits.check(3, aFile(type, script)))
                .isInstanceOfSatisfying(EvidenceRejected.ContentMismatch.class, e -> {
                    assertThat(e.code()).isEqualTo("EVIDENCE_CONTENT_MISMATCH");
                    assertThat(e.errors()).extracting(FieldError::pointer).containsExactly("/evidence/3");
                });
    }

    @ParameterizedTest
    @CsvSource({"image/png, image/jpeg", "image/jpeg, image/png", "application/pdf, image/gif",
            "image/webp, video/mp4", "video/mp4, application/pdf", "audio/mpeg, image/webp"})
    void refusesAFileWhoseContentIsAnotherTypeThanDeclared(String declared, String actual) {
        assertThatThrownBy(() -> limits.check(1, aFile(declared, SAMPLES.get(actual))))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class)
                .hasMessageContaining(declared);
    }

    @Test
    void refusesARiffFileThatIsNotWebp() {
        byte[] wave = file('R', 'I', 'F', 'F', 0x24, 0x00, 0x00, 0x00, 'A', 'V', 'I', ' ');

        assertThatThrownBy(() -> limits.check(0, aFile("image/webp", wave)))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-msdownload", "text/html", "image/svg+xml", "application/octet-stream",
            "imagepng"})
    void refusesATypeThatIsNotAllowed(String declared) {
        assertThatThrownBy(() -> limits.check(2, aFile(declared, SAMPLES.get("image/png"))))
                .isInstanceOfSatisfying(EvidenceRejected.UnsupportedType.class, e -> {
                    assertThat(e.code()).isEqualTo("UNSUPPORTED_EVIDENCE_TYPE");
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.pointer()).isEqualTo("/evidence/2");
                        assertThat(error.detail()).contains(declared, "image/png", "application/pdf");
                    });
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAFileWithoutDeclaredType(String declared) {
        assertThatThrownBy(() -> limits.check(0, aFile(declared, SAMPLES.get("image/png"))))
                .isInstanceOf(EvidenceRejected.UnsupportedType.class);
    }

    @ParameterizedTest
    @MethodSource("allowedTypes")
    void refusesAnEmptyFile(String type) {
        assertThatThrownBy(() -> limits.check(0, aFile(type, new byte[0])))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
    }

    @Test
    void refusesTextThatIsNotValidUtf8() {
        byte[] latin1 = "Beschwerde über Betrug".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> limits.check(0, aFile("text/plain", latin1)))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
    }

    @Test
    void refusesTextWithATruncatedMultiByteCharacter() {
        byte[] truncated = {'o', 'k', (byte) 0xE7, (byte) 0xBD};

        assertThatThrownBy(() -> limits.check(0, aFile("text/plain; charset=utf-8", truncated)))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
    }

    @Test
    void refusesTextContainingANulByte() {
        byte[] withNul = "plain\0text".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> limits.check(0, aFile("text/plain", withNul)))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/plain|text/plain",
            "Text/Plain; charset=UTF-8|text/plain",
            " IMAGE/JPEG ; q=1|image/jpeg",
            "application/pdf;|application/pdf",
            "image/png|image/png"})
    void baseTypeStripsParametersAndLowerCases(String contentType, String expected) {
        assertThat(EvidenceLimits.baseType(contentType)).isEqualTo(expected);
    }

    @Test
    void baseTypeOfNoTypeIsEmpty() {
        assertThat(EvidenceLimits.baseType(null)).isEmpty();
    }
}
