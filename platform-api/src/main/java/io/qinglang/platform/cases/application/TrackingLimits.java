package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.AddressAndTenantLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * How often receipts may be tried: per client address (slows one guesser) and per tenant (slows a
 * distributed guesser). With 80-bit codes either limit alone makes guessing hopeless; both keep load sane.
 */
@ApplicationScoped
public class TrackingLimits {

    private final AddressAndTenantLimiter limits;

    @Inject
    public TrackingLimits(@ConfigProperty(name = "qinglang.tracking.per-address-per-minute", defaultValue = "20") int perAddress,
                          @ConfigProperty(name = "qinglang.tracking.per-tenant-per-minute", defaultValue = "600") int perTenant,
                          Clock clock) {
        this.limits = new AddressAndTenantLimiter("receipt lookup", perAddress, Duration.ofMinutes(1), perTenant,
                Duration.ofMinutes(1), clock);
    }

    public void lookup(String clientAddress, String tenantSlug) {
        limits.acquire(clientAddress, tenantSlug);
    }
}
