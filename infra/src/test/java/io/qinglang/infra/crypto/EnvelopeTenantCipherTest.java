package io.qinglang.infra.crypto;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantProfile;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTenantCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final PlatformKeys keys = new PlatformKeys(KEY, OTHER_KEY);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final EnvelopeTenantCipher cipher = new EnvelopeTenantCipher(keys, tenants, new DirectTransactions());

    @Test
    void sealsAndOpensForTheSameTenantAndContext() {
        TenantId a = tenants.with(cipher);
        byte[] sealed = cipher.seal(a, "张三 110101199003074477".getBytes(StandardCharsets.UTF_8), "identity:1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("110101199003074477");
        assertThat(new String(cipher.open(a, sealed, "identity:1"), StandardCharsets.UTF_8)).isEqualTo("张三 110101199003074477");
    }

    @Test
    void anotherTenantOrContextCannotOpenIt() {
        TenantId a = tenants.with(cipher);
        TenantId b = tenants.with(cipher);
        byte[] sealed = cipher.seal(a, "secret".getBytes(StandardCharsets.UTF_8), "identity:1");
        assertThatThrownBy(() -> cipher.open(b, sealed, "identity:1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(a, sealed, "identity:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFlippedByteIsDetectedAndSealingTwiceDiffers() {
        TenantId a = tenants.with(cipher);
        byte[] first = cipher.seal(a, "x".getBytes(StandardCharsets.UTF_8), "c");
        byte[] second = cipher.seal(a, "x".getBytes(StandardCharsets.UTF_8), "c");
        assertThat(first).isNotEqualTo(second);
        first[first.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(a, first, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void receiptHashesDependOnTenantAndPurpose() {
        HmacSecretHasher hasher = new HmacSecretHasher(keys);
        TenantId a = TenantId.random();
        TenantId b = TenantId.random();
        assertThat(hasher.hash(a, "receipt", "7KQ2M9XD4HTPRW3C")).hasSize(32)
                .isEqualTo(hasher.hash(a, "receipt", "7KQ2M9XD4HTPRW3C"))
                .isNotEqualTo(hasher.hash(b, "receipt", "7KQ2M9XD4HTPRW3C"))
                .isNotEqualTo(hasher.hash(a, "claim", "7KQ2M9XD4HTPRW3C"));
    }

    @Test
    void platformKeysMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> new PlatformKeys("not base64!", KEY)).hasMessageContaining("base64");
        assertThatThrownBy(() -> new PlatformKeys(Base64.getEncoder().encodeToString(new byte[16]), KEY))
                .hasMessageContaining("32 bytes");
    }

    /** Tenants kept in a map. */
    static final class InMemoryTenants implements TenantRepository {
        final Map<TenantId, Tenant> tenants = new HashMap<>();

        TenantId with(EnvelopeTenantCipher cipher) {
            TenantId id = TenantId.random();
            add(new Tenant(id, new TenantProfile("t" + tenants.size(), "机构", "Body", ZoneId.of("Asia/Shanghai"),
                    "a@b.example", null), TenantTemplate.INTERNET_CONTENT, cipher.newWrappedDataKey(), Instant.now()));
            return id;
        }

        @Override
        public void add(Tenant tenant) {
            tenants.put(tenant.id(), tenant);
        }

        @Override
        public Optional<Tenant> find(TenantId id) {
            return Optional.ofNullable(tenants.get(id));
        }

        @Override
        public Optional<Tenant> findBySlug(String slug) {
            return tenants.values().stream().filter(t -> t.slug().equals(slug)).findFirst();
        }

        @Override
        public List<Tenant> list() {
            return List.copyOf(tenants.values());
        }
    }

    /** Runs work directly: there is no database here. */
    static final class DirectTransactions implements TenantTransactions {
        @Override
        public <T> T inTenant(TenantId tenant, Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T platform(Supplier<T> work) {
            return work.get();
        }
    }
}
