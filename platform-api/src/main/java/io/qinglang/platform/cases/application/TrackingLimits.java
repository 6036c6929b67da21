package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.AttemptLimiter;
import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.application.SharedCounters;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How often receipts may be tried: per client address (slows one guesser) and per tenant (slows a distributed
 * guesser). With 80-bit codes either limit alone makes guessing hopeless; both keep load sane. A flood of lookups
 * from many addresses would empty the tenant's allowance for every real reporter too, so while a tenant's lookups
 * arrive at an anomalous rate they need a solved proof-of-work, the intake's mechanism ({@link ChallengeGate}), and
 * a lookup that brings one is not held to the tenant's allowance: a person who solves it gets through the flood.
 */
@ApplicationScoped
public class TrackingLimits {

    private final AttemptLimiter perAddress;
    private final AttemptLimiter perTenant;
    private final ChallengeGate gate;
    private final TenantDirectory tenants;

    @Inject
    public TrackingLimits(@ConfigProperty(name = "qinglang.tracking.per-address-per-minute", defaultValue = "20") int perAddress,
                          @ConfigProperty(name = "qinglang.tracking.per-tenant-per-minute", defaultValue = "600") int perTenant,
                          @ConfigProperty(name = "qinglang.tracking.challenge", defaultValue = "auto") String mode,
                          @ConfigProperty(name = "qinglang.tracking.challenge.floor-per-minute", defaultValue = "120") int floor,
                          @ConfigProperty(name = "qinglang.tracking.challenge.factor", defaultValue = "5") double factor,
                          @ConfigProperty(name = "qinglang.tracking.challenge.difficulty-bits", defaultValue = "18") int bits,
                          SecretHasher hasher, TenantDirectory tenants, SpentChallenges spent, SharedCounters counters,
                          TenantTransactions transactions, Clock clock) {
        this.perAddress = new AttemptLimiter("receipt lookup", "address", perAddress, Duration.ofMinutes(1), counters,
                hasher, clock);
        this.perTenant = new AttemptLimiter("receipt lookup", "body", perTenant, Duration.ofMinutes(1), counters, hasher,
                clock);
        this.gate = new ChallengeGate("tracking-proof-of-work", mode, floor, factor, bits, hasher, spent, counters,
                transactions, clock);
        this.tenants = tenants;
    }

    /**
     * Takes one lookup of the tenant's receipts from the address, with the proof-of-work sent (or null); returns the
     * tenant's id (empty for a slug that is no tenant), for the lookup itself to use.
     */
    public Optional<TenantId> lookup(String clientAddress, String tenantSlug, String proof) {
        perAddress.acquire(clientAddress);
        Optional<TenantId> tenant = tenants.findId(tenantSlug);
        boolean proved = tenant.isPresent() && gate.admit(tenant.get(), tenantSlug, proof, "Unusually many receipt lookups are "
                + "arriving for this body: solve a proof-of-work challenge first (GET /api/v1/tenants/"
                + tenantSlug + "/tracking/challenge) and send 'Proof-Of-Work: <token>:<solution>'.");
        if (!proved && tenant.isPresent()) {
            perTenant.acquire(tenantSlug); // a slug that is no body gets no bucket: its lookups find nothing anyway
        }
        return tenant;
    }

    /** The challenge the tenant's next lookup must solve, when one is asked for now. */
    public Optional<IntakeChallenges.Challenge> challenge(String tenantSlug) {
        return gate.current(tenants.require(tenantSlug));
    }
}
