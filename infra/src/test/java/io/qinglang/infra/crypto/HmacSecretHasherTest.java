package io.qinglang.infra.crypto;

import static io.qinglang.infra.crypto.CryptoFixtures.randomPlatformKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.qinglang.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

class HmacSecretHasherTest {

    private static final String RECEIPT = "7KQ2M9XD4HTPRW3C";

    private final HmacSecretHasher hasher = new HmacSecretHasher(randomPlatformKeys());
    private final TenantId tenantA = TenantId.random();
    private final TenantId tenantB = TenantId.random();

    @Test
    void hashesTheSameSecretTheSameWay() {
        assertThat(hasher.hash(tenantA, "receipt", RECEIPT)).isEqualTo(hasher.hash(tenantA, "receipt", RECEIPT))
                .hasSize(32);
    }

    @Test
    void hashesTheSameSecretDifferentlyForEachTenant() {
        assertThat(hasher.hash(tenantA, "receipt", RECEIPT)).isNotEqualTo(hasher.hash(tenantB, "receipt", RECEIPT));
    }

    @Test
    void hashesTheSameSecretDifferentlyForEachPurpose() {
        assertThat(hasher.hash(tenantA, "receipt", RECEIPT)).isNotEqualTo(hasher.hash(tenantA, "claim", RECEIPT));
    }

    @Test
    void hashesDifferentSecretsDifferently() {
        assertThat(hasher.hash(tenantA, "receipt", RECEIPT))
                .isNotEqualTo(hasher.hash(tenantA, "receipt", "7KQ2M9XD4HTPRW3D"));
    }

    @Test
    void cannotBeReproducedWithoutThePlatformReceiptKey() {
        HmacSecretHasher otherPlatform = new HmacSecretHasher(randomPlatformKeys());

        assertThat(hasher.hash(tenantA, "receipt", RECEIPT)).isNotEqualTo(otherPlatform.hash(tenantA, "receipt", RECEIPT));
    }
}
