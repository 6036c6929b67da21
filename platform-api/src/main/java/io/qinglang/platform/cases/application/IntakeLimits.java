package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.AddressAndTenantLimiter;
import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.application.SharedCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * How often reports may be submitted from outside: per client address (one sender flooding a body) and per
 * tenant (a flood spread over many addresses), the same on every node, answered 429 with Retry-After beyond that. Staff registering a
 * report they received are not limited. No third-party service is involved: reporters' privacy forbids it.
 */
@ApplicationScoped
public class IntakeLimits {

    private final AddressAndTenantLimiter limits;

    @Inject
    public IntakeLimits(@ConfigProperty(name = "qinglang.intake.per-address-per-hour", defaultValue = "30") int perAddress,
                        @ConfigProperty(name = "qinglang.intake.per-tenant-per-minute", defaultValue = "300") int perTenant,
                        SharedCounters counters, SecretHasher hasher, Clock clock) {
        this.limits = new AddressAndTenantLimiter("report submission", perAddress, Duration.ofHours(1), perTenant,
                Duration.ofMinutes(1), counters, hasher, clock);
    }

    public void submission(String clientAddress, String tenantSlug) {
        limits.acquire(clientAddress, tenantSlug);
    }
}
