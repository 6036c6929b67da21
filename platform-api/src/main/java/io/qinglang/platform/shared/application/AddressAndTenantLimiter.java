package io.qinglang.platform.shared.application;

import java.time.Clock;
import java.time.Duration;

/** Two limits taken together: one per client address, one per tenant; either being empty refuses the attempt. */
public final class AddressAndTenantLimiter {

    private final AttemptLimiter perAddress;
    private final AttemptLimiter perTenant;

    public AddressAndTenantLimiter(String name, int perAddress, Duration addressPeriod, int perTenant,
                                   Duration tenantPeriod, Clock clock) {
        this.perAddress = new AttemptLimiter(name, perAddress, addressPeriod, clock);
        this.perTenant = new AttemptLimiter(name, perTenant, tenantPeriod, clock);
    }

    public void acquire(String clientAddress, String tenantSlug) {
        perAddress.acquire(clientAddress);
        perTenant.acquire(tenantSlug);
    }
}
