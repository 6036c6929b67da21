package io.qinglang.platform.cases.domain;

import static io.qinglang.platform.cases.domain.ReceiptCodeTest.CROCKFORD_SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClaimSecretTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatesSixteenCrockfordSymbols() {
        assertThat(ClaimSecret.generate(random).canonical()).matches(CROCKFORD_SYMBOLS + "{16}");
    }

    @Test
    void groupsTheSecretInFoursForReadingAloud() {
        ClaimSecret secret = ClaimSecret.generate(random);

        assertThat(secret.grouped()).matches("(" + CROCKFORD_SYMBOLS + "{4}-){3}" + CROCKFORD_SYMBOLS + "{4}");
        assertThat(secret.grouped().replace("-", "")).isEqualTo(secret.canonical());
    }

    @Test
    void neverShowsTheSecretInItsStringForm() {
        ClaimSecret secret = ClaimSecret.generate(random);

        assertThat(secret.toString()).contains("redacted")
                .doesNotContain(secret.canonical().substring(0, 4), secret.canonical().substring(4, 8),
                        secret.canonical().substring(8, 12), secret.canonical().substring(12));
    }

    @Test
    void generatesTenThousandDistinctSecrets() {
        Set<String> secrets = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> secrets.add(ClaimSecret.generate(random).canonical()));

        assertThat(secrets).hasSize(10_000);
    }
}
