package io.qinglang.platform.shared.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Two limits taken together, in one step, all or none: one per client address, one per tenant; either being empty
 * refuses the attempt, and then neither allowance is used.
 */
public final class AddressAndTenantLimiter {

    private final AttemptLimiter perAddress;
    private final AttemptLimiter perTenant;

    public AddressAndTenantLimiter(String name, int perAddress, Duration addressPeriod, int perTenant,
                                   Duration tenantPeriod, SharedCounters counters, SecretHasher hasher, Clock clock) {
        this.perAddress = new AttemptLimiter(name, "address", perAddress, addressPeriod, counters, hasher, clock);
        this.perTenant = new AttemptLimiter(name, "body", perTenant, tenantPeriod, counters, hasher, clock);
    }

    public void acquire(String clientAddress, String tenantSlug) {
        AttemptLimiter.acquireInOrder(List.of(perAddress, perTenant), List.of(clientAddress, tenantSlug));
    }
}
