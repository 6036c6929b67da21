package io.qinglang.platform.tenants.application;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queued work of many bodies done one item of each body in turn, so that one body's many requests do not hold back the
 * others': each item is claimed in the body's own transaction, then worked on outside it, until no body has any left.
 */
public final class TenantTurns {

    private static final Logger LOG = Logger.getLogger(TenantTurns.class.getName());

    private TenantTurns() {
    }

    /**
     * Claims with {@code claim} (in the tenant's transaction) and does {@code work} until nothing is claimed; returns
     * how many items {@code work} said were done. A failing claim is logged and that body skipped this round.
     */
    public static <T> int drain(TenantTransactions transactions, TenantRepository tenants, String what,
                                Function<Tenant, Optional<T>> claim, BiPredicate<Tenant, T> work) {
        int done = 0;
        boolean claimedAny;
        do {
            claimedAny = false;
            for (Tenant tenant : transactions.platform(tenants::list)) {
                try {
                    Optional<T> claimed = transactions.inTenant(tenant.id(), () -> claim.apply(tenant));
                    if (claimed.isPresent()) {
                        claimedAny = true;
                        done += work.test(tenant, claimed.get()) ? 1 : 0;
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Claiming " + what + " of " + tenant.slug() + " failed", e);
                }
            }
        } while (claimedAny);
        return done;
    }
}
