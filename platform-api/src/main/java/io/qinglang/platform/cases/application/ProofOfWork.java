package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.domain.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Hashcash-style puzzles: a challenge is {@code expiry.bits.nonce.mac}, signed with the platform's keyed hash for
 * the tenant (so any node can check it and none can be forged or moved to another tenant); a solution is a number
 * such that SHA-256 of {@code challenge:solution} starts with {@code bits} zero bits. Each challenge is taken once
 * on the whole platform ({@link SpentChallenges}, in the tenant's scope); a spent or expired one is refused.
 */
final class ProofOfWork {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretHasher hasher;
    private final String purpose;

    /** Puzzles signed for {@code purpose} (e.g. {@code intake-proof-of-work}): a challenge of another is refused. */
    ProofOfWork(SecretHasher hasher, String purpose) {
        this.hasher = hasher;
        this.purpose = purpose;
    }

    /** A challenge for the tenant, to be solved by {@code expires}. */
    String issue(TenantId tenant, int bits, Instant expires) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String payload = expires.getEpochSecond() + "." + bits + "." + HexFormat.of().formatHex(nonce);
        return payload + "." + mac(tenant, payload);
    }

    /**
     * Why a proof is not accepted, or empty when it is; {@code spend} records the challenge as used (it is called
     * last, for a proof that is otherwise good) and answers false if it was used already.
     */
    Optional<String> refusal(TenantId tenant, String proof, int minimumBits, Instant now,
                             BiPredicate<byte[], Instant> spend) {
        int colon = proof == null ? -1 : proof.lastIndexOf(':');
        String[] parts = colon < 0 ? new String[0] : proof.substring(0, colon).split("\\.", -1);
        if (parts.length != 4 || proof.length() > 300) {
            return Optional.of("not a solved challenge");
        }
        String challenge = proof.substring(0, colon);
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac(tenant, payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("the challenge was not issued for this body");
        }
        long expires;
        int bits;
        try {
            expires = Long.parseLong(parts[0]);
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.of("not a solved challenge");
        }
        if (now.getEpochSecond() > expires) {
            return Optional.of("the challenge has expired");
        }
        if (bits < minimumBits || leadingZeroBits(sha256(proof)) < bits) {
            return Optional.of("the solution does not solve the challenge");
        }
        if (!spend.test(sha256(challenge), Instant.ofEpochSecond(expires))) {
            return Optional.of("the challenge has been used already");
        }
        return Optional.empty();
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
        }
        return bits;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(TenantId tenant, String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hasher.hash(tenant, purpose, payload));
    }
}
