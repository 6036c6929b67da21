package io.qinglang.platform.cases.domain;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedCodesAreSixteenCrockfordSymbolsGroupedInFours() {
        ReceiptCode code = ReceiptCode.generate(random);
        assertThat(code.canonical()).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(code.grouped()).matches("([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}")
                .isEqualTo(String.join("-", code.canonical().split("(?<=\\G.{4})")));
    }

    @Test
    void tenThousandCodesAreAllDifferent() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(ReceiptCode.generate(random).canonical());
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void readsACodeAsAPersonTypesIt() {
        assertThat(ReceiptCode.parse("7kq2 m9xd-4htp rw3c")).map(ReceiptCode::canonical).contains("7KQ2M9XD4HTPRW3C");
        assertThat(ReceiptCode.parse("IL0O-0000-0000-0000")).map(ReceiptCode::canonical).contains("1100000000000000");
    }

    @Test
    void refusesWhatCannotBeACode() {
        assertThat(ReceiptCode.parse(null)).isEmpty();
        assertThat(ReceiptCode.parse("7KQ2-M9XD-4HTP")).isEmpty();
        assertThat(ReceiptCode.parse("7KQ2-M9XD-4HTP-RW3CX")).isEmpty();
        assertThat(ReceiptCode.parse("7KQ2-M9XD-4HTP-RW3U")).isEmpty();
        assertThat(ReceiptCode.parse("7KQ2-M9XD-4HTP-RW3*")).isEmpty();
        assertThat(ReceiptCode.parse("7".repeat(41))).isEmpty();
    }

    @Test
    void neverShowsItselfInToString() {
        ReceiptCode code = ReceiptCode.generate(random);
        ClaimSecret secret = ClaimSecret.generate(random);
        assertThat(code.toString()).doesNotContain(code.canonical()).doesNotContain(code.grouped().substring(0, 4) + "-");
        assertThat(secret.toString()).doesNotContain(secret.canonical());
    }
}
