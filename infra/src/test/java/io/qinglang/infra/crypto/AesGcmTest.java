package io.qinglang.infra.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import java.util.stream.IntStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final byte[] PLAINTEXT = "张三, 110101199003071234".getBytes(UTF_8);
    private static final byte[] CONTEXT = "tenant-a|case-1|identity".getBytes(UTF_8);

    private final SecretKey key = new SecretKeySpec(AesGcm.randomKey(), "AES");

    @Test
    void opensWhatItSealed() {
        byte[] sealed = AesGcm.seal(key, PLAINTEXT, CONTEXT);

        assertThat(AesGcm.open(key, sealed, CONTEXT)).isEqualTo(PLAINTEXT);
    }

    @Test
    void opensAnEmptyPlaintext() {
        assertThat(AesGcm.open(key, AesGcm.seal(key, new byte[0], CONTEXT), CONTEXT)).isEmpty();
    }

    @Test
    void sealsWithVersionNonceAndTagAroundTheCiphertext() {
        byte[] sealed = AesGcm.seal(key, PLAINTEXT, CONTEXT);

        assertThat(sealed).hasSize(1 + 12 + PLAINTEXT.length + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(new String(sealed, UTF_8)).doesNotContain("110101199003071234");
    }

    @Test
    void sealsTheSamePlaintextDifferentlyEachTime() {
        byte[] first = AesGcm.seal(key, PLAINTEXT, CONTEXT);
        byte[] second = AesGcm.seal(key, PLAINTEXT, CONTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, 1, 13)).as("nonce").isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
    }

    @Test
    void refusesToOpenWithOtherAssociatedData() {
        byte[] sealed = AesGcm.seal(key, PLAINTEXT, CONTEXT);

        assertThatIllegalStateException()
                .isThrownBy(() -> AesGcm.open(key, sealed, "tenant-a|case-2|identity".getBytes(UTF_8)));
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        byte[] sealed = AesGcm.seal(key, PLAINTEXT, CONTEXT);
        SecretKey other = new SecretKeySpec(AesGcm.randomKey(), "AES");

        assertThatIllegalStateException().isThrownBy(() -> AesGcm.open(other, sealed, CONTEXT));
    }

    @Test
    void refusesToOpenWhenAnyByteIsFlipped() {
        byte[] sealed = AesGcm.seal(key, PLAINTEXT, CONTEXT);

        IntStream.range(0, sealed.length).forEach(i -> {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatIllegalStateException().as("byte %d flipped", i)
                    .isThrownBy(() -> AesGcm.open(key, tampered, CONTEXT));
        });
    }

    @Test
    void refusesToOpenATruncatedValue() {
        byte[] sealed = AesGcm.seal(key, PLAINTEXT, CONTEXT);

        IntStream.of(0, 1, 12, 13, 28, sealed.length - 1).forEach(length ->
                assertThatIllegalStateException().as("first %d bytes", length)
                        .isThrownBy(() -> AesGcm.open(key, Arrays.copyOf(sealed, length), CONTEXT)));
    }

    @Test
    void generatesDistinct256BitKeys() {
        assertThat(AesGcm.randomKey()).hasSize(32).isNotEqualTo(AesGcm.randomKey());
    }
}
