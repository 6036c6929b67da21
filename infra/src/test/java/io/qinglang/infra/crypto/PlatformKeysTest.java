package io.qinglang.infra.crypto;

import static io.qinglang.infra.crypto.CryptoFixtures.randomBase64Key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformKeysTest {

    @Test
    void acceptsTwoBase64KeysOf32BytesWithSurroundingWhitespace() {
        PlatformKeys keys = new PlatformKeys(" " + randomBase64Key(32) + "\n", randomBase64Key(32));

        assertThat(keys.master().getEncoded()).hasSize(32);
        assertThat(keys.master().getAlgorithm()).isEqualTo("AES");
        assertThat(keys.receipt().getEncoded()).hasSize(32);
        assertThat(keys.receipt().getAlgorithm()).isEqualTo("HmacSHA256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "c2VjcmV0*", "====", "change-me"})
    void refusesAMasterKeyThatIsNotBase64WithoutEchoingIt(String master) {
        assertThatIllegalStateException().isThrownBy(() -> new PlatformKeys(master, randomBase64Key(32)))
                .withMessageContaining("qinglang.crypto.master-key").withMessageContaining("base64")
                .withMessageNotContaining(master);
    }

    @Test
    void refusesAReceiptKeyThatIsNotBase64() {
        assertThatIllegalStateException().isThrownBy(() -> new PlatformKeys(randomBase64Key(32), "%%%"))
                .withMessageContaining("qinglang.crypto.receipt-key");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void refusesKeysThatAreNot32Bytes(int bytes) {
        String wrongSize = randomBase64Key(bytes);

        assertThatIllegalStateException().isThrownBy(() -> new PlatformKeys(wrongSize, randomBase64Key(32)))
                .withMessageContaining("qinglang.crypto.master-key").withMessageContaining("32 bytes");
        assertThatIllegalStateException().isThrownBy(() -> new PlatformKeys(randomBase64Key(32), wrongSize))
                .withMessageContaining("qinglang.crypto.receipt-key").withMessageContaining("32 bytes");
    }
}
