package io.qinglang.infra.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/**
 * The platform's two secrets, from the environment only: the master key that wraps every tenant's data
 * key (QINGLANG_CRYPTO_MASTER_KEY) and the key of the receipt hashes (QINGLANG_CRYPTO_RECEIPT_KEY), each
 * 32 random bytes in base64 ({@code openssl rand -base64 32}).
 */
@ApplicationScoped
public class PlatformKeys {

    private final SecretKey master;
    private final SecretKey receipt;

    @Inject
    public PlatformKeys(@ConfigProperty(name = "qinglang.crypto.master-key") String master,
                        @ConfigProperty(name = "qinglang.crypto.receipt-key") String receipt) {
        this.master = new SecretKeySpec(decode("qinglang.crypto.master-key", master), "AES");
        this.receipt = new SecretKeySpec(decode("qinglang.crypto.receipt-key", receipt), "HmacSHA256");
    }

    SecretKey master() {
        return master;
    }

    SecretKey receipt() {
        return receipt;
    }

    private static byte[] decode(String name, String base64) {
        problem(name, base64).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        return Base64.getDecoder().decode(base64.trim());
    }

    /** What is wrong with the key {@code name} given as {@code base64}, if anything (for the start-up check). */
    public static java.util.Optional<String> problem(String name, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(name + " is not valid base64");
        }
        if (key.length != 32) {
            return java.util.Optional.of(name + " must be 32 bytes (base64 of 32 random bytes), not " + key.length);
        }
        return java.util.Optional.empty();
    }
}
