package io.qinglang.platform.cases.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class EvidenceLimitsTest {

    private final EvidenceLimits limits = new EvidenceLimits(5, 1024);

    @Test
    void acceptsFilesWhoseBytesMatchTheirDeclaredType() {
        assertThatCode(() -> limits.check(0, file("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 1})))
                .doesNotThrowAnyException();
        assertThatCode(() -> limits.check(0, file("application/pdf; charset=binary", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))))
                .doesNotThrowAnyException();
        assertThatCode(() -> limits.check(0, file("text/plain", "证据".getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAScriptPosingAsAPicture() {
        assertThatThrownBy(() -> limits.check(2, file("image/png", "<script>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class)
                .satisfies(e -> assertThat(((EvidenceRejected) e).errors().getFirst().pointer()).isEqualTo("/evidence/2"));
    }

    @Test
    void refusesTypesItDoesNotTakeAndEmptyFiles() {
        assertThatThrownBy(() -> limits.check(0, file("application/x-msdownload", new byte[]{'M', 'Z'})))
                .isInstanceOf(EvidenceRejected.UnsupportedType.class);
        assertThatThrownBy(() -> limits.check(0, file(null, new byte[]{1})))
                .isInstanceOf(EvidenceRejected.UnsupportedType.class);
        assertThatThrownBy(() -> limits.check(0, file("image/png", new byte[0])))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
    }

    @Test
    void refusesTextThatIsNotUtf8OrHoldsNulBytes() {
        assertThatThrownBy(() -> limits.check(0, file("text/plain", new byte[]{(byte) 0xC3, 0x28})))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
        assertThatThrownBy(() -> limits.check(0, file("text/plain", new byte[]{'a', 0, 'b'})))
                .isInstanceOf(EvidenceRejected.ContentMismatch.class);
    }

    @Test
    void baseTypeDropsParametersAndCase() {
        assertThat(EvidenceLimits.baseType("Image/PNG; name=x")).isEqualTo("image/png");
        assertThat(EvidenceLimits.baseType(null)).isEmpty();
    }

    private static EvidenceFile file(String type, byte[] content) {
        return new EvidenceFile("f", type, content);
    }
}
