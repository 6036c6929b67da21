package io.qinglang.infra.crypto;

import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** HMAC-SHA256 of a reporter's secret under the platform receipt key, bound to tenant (or the platform) and purpose. */
@ApplicationScoped
public class HmacSecretHasher implements SecretHasher {

    private final PlatformKeys keys;

    @Inject
    public HmacSecretHasher(PlatformKeys keys) {
        this.keys = keys;
    }

    @Override
    public byte[] hash(TenantId tenant, String purpose, String secret) {
        return mac(purpose + "|" + tenant + "|" + secret);
    }

    /** Bound to no tenant: "platform" where a tenant's id would be, which no tenant id can equal. */
    @Override
    public byte[] hash(String purpose, String value) {
        return mac(purpose + "|platform|" + value);
    }

    private byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.receipt());
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
