package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProofOfWorkTest {

    private static final SecretHasher HASHER = new SecretHasher() {
        @Override
        public byte[] hash(io.qinglang.platform.shared.domain.TenantId tenant, String purpose, String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec("test key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal((tenant.value() + "|" + purpose + "|" + secret).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] hash(String purpose, String value) {
            throw new AssertionError("proofs of work are bound to a tenant");
        }
    };
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final ProofOfWork work = new ProofOfWork(HASHER, "intake-proof-of-work");
    /** The platform-wide ledger, as a set of challenge hashes. */
    private final java.util.Set<String> spentOnThePlatform = new java.util.HashSet<>();
    private final java.util.function.BiPredicate<byte[], Instant> spend =
            (hash, expires) -> spentOnThePlatform.add(java.util.HexFormat.of().formatHex(hash));

    static String solve(String token, int bits) {
        for (long n = 0; ; n++) {
            if (ProofOfWork.leadingZeroBits(ProofOfWork.sha256(token + ":" + n)) >= bits) {
                return token + ":" + n;
            }
        }
    }

    @Test
    void acceptsASolvedChallengeOnce() {
        String proof = solve(work.issue(tenant, 10, NOW.plusSeconds(900)), 10);

        assertThat(work.refusal(tenant, proof, 10, NOW, spend)).isEmpty();
        assertThat(work.refusal(tenant, proof, 10, NOW, spend)).contains("the challenge has been used already");
    }

    @Test
    void refusesWrongSolutionsForgeriesOtherTenantsAndExpiredChallenges() {
        String token = work.issue(tenant, 10, NOW.plusSeconds(900));
        String proof = solve(token, 10);
        String unsolved = token + ":" + unsolvedNumber(token, 10);

        assertThat(work.refusal(tenant, unsolved, 10, NOW, spend)).contains("the solution does not solve the challenge");
        assertThat(work.refusal(new TenantId(UUID.randomUUID()), proof, 10, NOW, spend))
                .contains("the challenge was not issued for this body");
        String easier = token.replaceFirst("\\.10\\.", ".1.");
        assertThat(work.refusal(tenant, solve(easier, 1), 10, NOW, spend)).contains("the challenge was not issued for this body");
        assertThat(work.refusal(tenant, proof, 10, NOW.plusSeconds(901), spend)).contains("the challenge has expired");
        assertThat(work.refusal(tenant, proof, 12, NOW, spend)).contains("the solution does not solve the challenge");
        for (String junk : new String[]{"", "abc", "a:b", "1.2.3:4", "x".repeat(400) + ":1", token}) {
            assertThat(work.refusal(tenant, junk, 10, NOW, spend)).as(junk).isPresent();
        }
    }

    @Test
    void countsLeadingZeroBits() {
        assertThat(ProofOfWork.leadingZeroBits(new byte[]{0, 0, 0x10, 1})).isEqualTo(19);
        assertThat(ProofOfWork.leadingZeroBits(new byte[]{(byte) 0x80})).isZero();
        assertThat(ProofOfWork.leadingZeroBits(new byte[]{0, 1})).isEqualTo(15);
    }

    private static long unsolvedNumber(String token, int bits) {
        for (long n = 0; ; n++) {
            if (ProofOfWork.leadingZeroBits(ProofOfWork.sha256(token + ":" + n)) < bits) {
                return n;
            }
        }
    }
}
