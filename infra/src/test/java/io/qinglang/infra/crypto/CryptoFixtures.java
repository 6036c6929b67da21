package io.qinglang.infra.crypto;

import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantProfile;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;

/** Platform keys and tenants for the crypto tests. */
final class CryptoFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptoFixtures() {
    }

    static String randomBase64Key(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static PlatformKeys randomPlatformKeys() {
        return new PlatformKeys(randomBase64Key(32), randomBase64Key(32));
    }

    static Tenant aTenant(String slug, byte[] wrappedDataKey) {
        TenantProfile profile = new TenantProfile(slug, "测试机构 " + slug, "Test organisation " + slug,
                ZoneId.of("Asia/Shanghai"), "contact@" + slug + ".example", null);
        return new Tenant(TenantId.random(), profile, TenantTemplate.INTERNET_CONTENT, wrappedDataKey,
                Instant.parse("2026-04-15T00:00:00Z"));
    }
}
