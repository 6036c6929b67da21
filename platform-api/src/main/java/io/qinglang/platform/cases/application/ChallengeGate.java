package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.application.SharedCounters;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One proof-of-work gate of the public side (the intake, receipt lookups): it counts a tenant's attempts where every
 * node counts them ({@link SharedCounters}), judges their rate ({@link IntakeRate}) and, while it is anomalous (mode {@code auto}) or always (mode {@code always}), lets
 * an attempt through only with a solved challenge ({@link ProofOfWork}, each spent once platform-wide in
 * {@link SpentChallenges}). Challenges are signed for their gate's purpose: one gate's cannot open another's.
 */
final class ChallengeGate {

    private final String purpose;
    private final String mode;
    private final int bits;
    private final Duration lifetime = Duration.ofMinutes(15);
    private final IntakeRate rate;
    private final ProofOfWork work;
    private final SpentChallenges spent;
    private final SharedCounters counters;
    private final TenantTransactions transactions;
    private final Clock clock;

    ChallengeGate(String purpose, String mode, int floor, double factor, int bits, SecretHasher hasher,
                  SpentChallenges spent, SharedCounters counters, TenantTransactions transactions, Clock clock) {
        this.purpose = purpose;
        this.mode = mode;
        this.bits = bits;
        this.rate = new IntakeRate(floor, factor, Duration.ofMinutes(10));
        this.work = new ProofOfWork(hasher, purpose);
        this.spent = spent;
        this.counters = counters;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The challenge to solve before the tenant's next attempt, when one is asked for now. */
    Optional<IntakeChallenges.Challenge> current(Tenant tenant) {
        Instant now = clock.instant();
        if (!(mode.equals("always") || !mode.equals("off") && anomalous(tenant.slug(), now, false))) {
            return Optional.empty();
        }
        Instant expires = now.plus(lifetime);
        return Optional.of(new IntakeChallenges.Challenge(work.issue(tenant.id(), bits, expires), bits, expires));
    }

    /**
     * Counts an attempt and, while a proof is asked for, checks {@code proof} ({@code token:solution}): true when a
     * good proof was spent on it, false when none was asked for; refused with {@code missing} as the reason when none
     * was sent, or with why the one sent is not accepted.
     */
    boolean admit(TenantId tenant, String slug, String proof, String missing) {
        Instant now = clock.instant();
        boolean anomalous = !mode.equals("off") && anomalous(slug, now, true);
        if (!(anomalous || mode.equals("always"))) {
            return false;
        }
        if (proof == null || proof.isBlank()) {
            throw new IntakeChallenges.ProofOfWorkRequired(missing);
        }
        work.refusal(tenant, proof.strip(), bits, now, (hash, expires) ->
                transactions.inTenant(tenant, () -> spent.spend(hash, expires))).ifPresent(why -> {
            throw new IntakeChallenges.ProofOfWorkRequired("The proof-of-work was not accepted: " + why
                    + ". Ask for a new challenge.");
        });
        return true;
    }

    /**
     * Whether the tenant's attempts are anomalous now (or were within the hold time), counting this one first when
     * {@code count}. The flag is written only when it would last noticeably longer than the one already there.
     */
    private boolean anomalous(String slug, Instant now, boolean count) {
        SharedCounters.AttemptWindow window = counters.attempts(purpose, slug, now, count);
        if (rate.anomalousRate(window, now)) {
            Instant until = rate.flagUntil(now);
            if (window.flaggedUntil() == null || window.flaggedUntil().isBefore(until.minusSeconds(30))) {
                counters.flag(purpose, slug, until);
            }
            return true;
        }
        return IntakeRate.flagged(window, now);
    }
}
