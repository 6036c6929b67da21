package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.application.SharedCounters;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The proof-of-work the public intake asks for while a tenant's intake rate is anomalous ({@link IntakeRate}):
 * the report form solves it with a small script served by the platform, API clients with any SHA-256; no
 * third-party captcha is involved. {@code qinglang.intake.challenge} is {@code auto} (the default), {@code always}
 * or {@code off}.
 */
@ApplicationScoped
public class IntakeChallenges {

    /** A puzzle to solve before submitting: find a number n so that SHA-256(token + ":" + n) starts with bits zeros. */
    public record Challenge(String token, int difficultyBits, Instant expiresAt) {
    }

    private final ChallengeGate gate;
    private final TenantDirectory tenants;

    @Inject
    public IntakeChallenges(@ConfigProperty(name = "qinglang.intake.challenge", defaultValue = "auto") String mode,
                            @ConfigProperty(name = "qinglang.intake.challenge.floor-per-minute", defaultValue = "60") int floor,
                            @ConfigProperty(name = "qinglang.intake.challenge.factor", defaultValue = "5") double factor,
                            @ConfigProperty(name = "qinglang.intake.challenge.difficulty-bits", defaultValue = "18") int bits,
                            SecretHasher hasher, TenantDirectory tenants, SpentChallenges spent,
                            SharedCounters counters, TenantTransactions transactions, Clock clock) {
        this.gate = new ChallengeGate("intake-proof-of-work", mode, floor, factor, bits, hasher, spent, counters,
                transactions, clock);
        this.tenants = tenants;
    }

    /** A challenge for the next report to the tenant, when one is asked for now. */
    public Optional<Challenge> current(String tenantSlug) {
        return gate.current(tenants.require(tenantSlug));
    }

    /**
     * Counts a submission towards the tenant's rate and, while a proof is asked for, checks it:
     * {@code token:solution}, from the form's fields or the API's {@code Proof-Of-Work} header.
     */
    public void admit(TenantId tenant, String slug, String proof) {
        gate.admit(tenant, slug, proof, "Unusually many reports are arriving for this body: solve a proof-of-work "
                + "challenge first (GET /api/v1/tenants/" + slug + "/reports/challenge) and send "
                + "'Proof-Of-Work: <token>:<solution>'.");
    }

    /** A report refused until a proof-of-work is sent: 403, code PROOF_OF_WORK_REQUIRED. */
    public static final class ProofOfWorkRequired extends DomainException {
        public ProofOfWorkRequired(String message) {
            super("PROOF_OF_WORK_REQUIRED", Kind.FORBIDDEN, message);
        }
    }
}
