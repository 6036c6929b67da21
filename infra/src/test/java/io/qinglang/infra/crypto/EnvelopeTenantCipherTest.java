package io.qinglang.infra.crypto;

import static io.qinglang.infra.crypto.CryptoFixtures.aTenant;
import static io.qinglang.infra.crypto.CryptoFixtures.randomPlatformKeys;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.qinglang.platform.shared.application.DirectTenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import org.junit.jupiter.api.Test;

class EnvelopeTenantCipherTest {

    private static final byte[] IDENTITY = "{\"name\":\"张三\",\"idNumber\":\"110101199003071234\"}".getBytes(UTF_8);

    private final PlatformKeys keys = randomPlatformKeys();
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final EnvelopeTenantCipher cipher = new EnvelopeTenantCipher(keys, tenants, new DirectTenantTransactions());
    private final TenantId tenantA = onboard("tenant-a");
    private final TenantId tenantB = onboard("tenant-b");

    private TenantId onboard(String slug) {
        Tenant tenant = aTenant(slug, cipher.newWrappedDataKey());
        tenants.add(tenant);
        return tenant.id();
    }

    @Test
    void opensForTheTenantWhatWasSealedForIt() {
        byte[] sealed = cipher.seal(tenantA, IDENTITY, "case-1/reporter");

        assertThat(cipher.open(tenantA, sealed, "case-1/reporter")).isEqualTo(IDENTITY);
        assertThat(new String(sealed, UTF_8)).doesNotContain("110101199003071234");
    }

    @Test
    void refusesToOpenOneTenantsDataAsAnotherTenant() {
        byte[] sealed = cipher.seal(tenantA, IDENTITY, "case-1/reporter");

        assertThatIllegalStateException().isThrownBy(() -> cipher.open(tenantB, sealed, "case-1/reporter"));
    }

    @Test
    void refusesToOpenDataMovedToAnotherPlace() {
        byte[] sealed = cipher.seal(tenantA, IDENTITY, "case-1/reporter");

        assertThatIllegalStateException().isThrownBy(() -> cipher.open(tenantA, sealed, "case-2/reporter"));
    }

    @Test
    void refusesToOpenForAnUnknownTenant() {
        byte[] sealed = cipher.seal(tenantA, IDENTITY, "case-1/reporter");

        assertThatIllegalStateException().isThrownBy(() -> cipher.open(TenantId.random(), sealed, "case-1/reporter"));
    }

    @Test
    void givesEachTenantItsOwnWrappedDataKey() {
        byte[] first = cipher.newWrappedDataKey();
        byte[] second = cipher.newWrappedDataKey();

        assertThat(first).isNotEqualTo(second).hasSize(1 + 12 + 32 + 16);
    }

    @Test
    void cannotUnwrapADataKeyWithAnotherPlatformKey() {
        byte[] sealed = cipher.seal(tenantA, IDENTITY, "case-1/reporter");
        EnvelopeTenantCipher otherPlatform = new EnvelopeTenantCipher(randomPlatformKeys(), tenants,
                new DirectTenantTransactions());

        assertThatIllegalStateException().isThrownBy(() -> otherPlatform.open(tenantA, sealed, "case-1/reporter"));
    }

    @Test
    void opensAfterARestartWithTheSamePlatformKey() {
        byte[] sealed = cipher.seal(tenantA, IDENTITY, "case-1/reporter");
        EnvelopeTenantCipher restarted = new EnvelopeTenantCipher(keys, tenants, new DirectTenantTransactions());

        assertThat(restarted.open(tenantA, sealed, "case-1/reporter")).isEqualTo(IDENTITY);
    }

    @Test
    void unwrapsEachTenantsDataKeyOnlyOnce() {
        for (int i = 0; i < 3; i++) {
            cipher.open(tenantA, cipher.seal(tenantA, IDENTITY, "case-" + i), "case-" + i);
        }

        assertThat(tenants.lookups()).isEqualTo(1);
    }
}
