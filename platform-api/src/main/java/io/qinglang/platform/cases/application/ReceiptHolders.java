package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.ReceiptCode;
import io.qinglang.platform.cases.domain.ReceiptNotFound;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Finds the case a receipt code opens, for anything a reporter does with their receipt (tracking, appeals,
 * reward claims). Lookups are rate-limited per client address and per tenant, and a wrong code and an unknown
 * tenant take the same path and give the same answer.
 */
@ApplicationScoped
public class ReceiptHolders {

    /** Work on the case a receipt opened, inside its tenant's transaction. */
    @FunctionalInterface
    public interface CaseWork<T> {
        T apply(Tenant tenant, Case c);
    }

    private final TenantTransactions transactions;
    private final CaseRepository cases;
    private final ReporterSecrets secrets;
    private final TrackingLimits limits;
    private final TenantDirectory tenants;
    private final ReporterViews views;

    @Inject
    public ReceiptHolders(TenantTransactions transactions, CaseRepository cases, ReporterSecrets secrets,
                          TrackingLimits limits, TenantDirectory tenants, ReporterViews views) {
        this.views = views;
        this.transactions = transactions;
        this.cases = cases;
        this.secrets = secrets;
        this.limits = limits;
        this.tenants = tenants;
    }

    /** The work on the case the receipt opens, for a lookup from the address with its proof-of-work (or null). */
    public <T> T withCase(String tenantSlug, String clientAddress, String proof, String receiptCode, CaseWork<T> work) {
        return admitted(admit(tenantSlug, clientAddress, proof), receiptCode, work);
    }

    /**
     * One lookup admitted: its tenant's id (empty for a slug that is no tenant); the tenant itself is read with the
     * case, in the tenant's one transaction.
     */
    public record Admission(Optional<TenantId> tenant) {
    }

    /** Takes one lookup from the address, with its proof-of-work (or null): the one a request may make. */
    Admission admit(String tenantSlug, String clientAddress, String proof) {
        return new Admission(limits.lookup(clientAddress, tenantSlug, proof));
    }

    /**
     * The work on the case the receipt opens, for a request whose lookup was {@linkplain #admit admitted}: a request
     * that reads the case again after its work was refused must not count (or prove) a second lookup.
     */
    <T> T admitted(Admission admission, String receiptCode, CaseWork<T> work) {
        Key key = key(admission, receiptCode);
        return transactions.inTenant(key.tenant(), () -> {
            Case found = cases.findByReceiptHash(key.hash()).orElseThrow(ReceiptNotFound::new);
            return work.apply(tenants.current(key.tenant()), found);
        });
    }

    /** The reporter's view of the case the receipt opens, for a lookup that was {@linkplain #admit admitted}. */
    ReporterViews.ReporterView view(Admission admission, String receiptCode) {
        Key key = key(admission, receiptCode);
        return views.byReceiptHash(key.tenant(), key.hash()).orElseThrow(ReceiptNotFound::new);
    }

    /** Where a receipt is looked for: its tenant and its keyed hash there. */
    private record Key(TenantId tenant, byte[] hash) {
    }

    private Key key(Admission admission, String receiptCode) {
        ReceiptCode code = ReporterSecrets.parseReceipt(receiptCode);
        // An unknown tenant still costs a hash and a query, so it cannot be told apart from a wrong code.
        TenantId tenant = admission.tenant().orElseGet(TenantId::random);
        return new Key(tenant, secrets.receiptHash(tenant, code));
    }
}
