package io.qinglang.platform.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptCodeTest {

    /** Crockford base32: digits and capitals without I, L, O and U. */
    static final String CROCKFORD_SYMBOLS = "[0-9A-HJKMNP-TV-Z]";

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatesSixteenCrockfordSymbols() {
        ReceiptCode code = ReceiptCode.generate(random);

        assertThat(code.canonical()).matches(CROCKFORD_SYMBOLS + "{16}");
    }

    @Test
    void groupsTheGeneratedCodeInFoursForReadingAloud() {
        ReceiptCode code = ReceiptCode.generate(random);

        assertThat(code.grouped()).matches("(" + CROCKFORD_SYMBOLS + "{4}-){3}" + CROCKFORD_SYMBOLS + "{4}");
        assertThat(code.grouped().replace("-", "")).isEqualTo(code.canonical());
    }

    @Test
    void readsBackTheGroupedCodeItWasShownAs() {
        ReceiptCode code = ReceiptCode.generate(random);

        assertThat(ReceiptCode.parse(code.grouped())).contains(code);
    }

    @Test
    void acceptsLowerCaseSpacesAndHyphensAsTyped() {
        assertThat(ReceiptCode.parse("7kq2 m9xd-4htp - rw3c").map(ReceiptCode::canonical))
                .contains("7KQ2M9XD4HTPRW3C");
    }

    @Test
    void readsIAndLAsOneAndOAsZero() {
        assertThat(ReceiptCode.parse("IiLl-Oo00-7KQ2-M9XD").map(ReceiptCode::canonical))
                .contains("111100007KQ2M9XD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7KQ2-M9XD-4HTP-RW3", "7KQ2-M9XD-4HTP-RW3CX", "", "----", "7KQ2"})
    void rejectsACodeOfTheWrongLength(String typed) {
        assertThat(ReceiptCode.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7KQ2-M9XD-4HTP-RW3U", "7KQ2-M9XD-4HTP-RW3*", "7KQ2_M9XD_4HTP_RW3C", "7KQ2.M9XD.4HTP.RW3C",
            "7KQ2-M9XD-4HTP-RW3Ç", "７KQ2-M9XD-4HTP-RW3C"})
    void rejectsSymbolsOutsideTheAlphabet(String typed) {
        assertThat(ReceiptCode.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    void rejectsNothingTyped(String typed) {
        assertThat(ReceiptCode.parse(typed)).isEmpty();
    }

    @Test
    void acceptsFortyCharactersButNotMore() {
        String fortyCharacters = "7KQ2 - M9XD - 4HTP - RW3C" + " ".repeat(15);
        assertThat(fortyCharacters).hasSize(40);

        assertThat(ReceiptCode.parse(fortyCharacters)).isPresent();
        assertThat(ReceiptCode.parse(fortyCharacters + " ")).isEmpty();
    }

    @Test
    void neverShowsTheCodeInItsStringForm() {
        ReceiptCode code = ReceiptCode.parse("7KQ2-M9XD-4HTP-RW3C").orElseThrow();

        assertThat(code.toString()).doesNotContain("7KQ2", "M9XD", "4HTP", "RW3C").contains("redacted");
        assertThat(String.valueOf(java.util.List.of(code))).doesNotContain("7KQ2");
    }

    @Test
    void equalsTheSameCodeHoweverItWasTyped() {
        assertThat(ReceiptCode.parse("7kq2 m9xd 4htp rw3c")).isEqualTo(ReceiptCode.parse("7KQ2-M9XD-4HTP-RW3C"));
        assertThat(ReceiptCode.parse("7kq2 m9xd 4htp rw3c").orElseThrow())
                .hasSameHashCodeAs(ReceiptCode.parse("7KQ2-M9XD-4HTP-RW3C").orElseThrow());
    }

    @Test
    void generatesTenThousandDistinctCodes() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> codes.add(ReceiptCode.generate(random).canonical()));

        assertThat(codes).hasSize(10_000);
    }
}
