package io.qinglang.benchmarks;

import io.qinglang.infra.persistence.SqlReporterViews;
import io.qinglang.platform.cases.application.ReporterSecrets;
import io.qinglang.platform.cases.domain.ReceiptCode;
import io.qinglang.platform.shared.domain.TenantId;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A receipt lookup (TrackingService.track) over plain JDBC: the receipt's keyed hash, then the reporter's view read by
 * the platform's own SQL and code ({@link SqlReporterViews#read}) on a connection set to the tenant, each statement
 * committing on its own, as the platform's lookup does. The platform keeps each slug's tenant id once read, and so
 * does the baseline; the rate limiter's in-memory check has no SQL.
 */
final class BaselineLookup {

    private final BaselineDatabase database;
    private final ReporterSecrets secrets;
    private final Map<String, TenantId> tenants = new ConcurrentHashMap<>();

    BaselineLookup(BaselineDatabase database, ReporterSecrets secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    /** Looks a case up as a reporter would; fails when the receipt matches no case. */
    void track(String slug, String receiptCode) throws SQLException, RequestFailed {
        ReceiptCode code = ReporterSecrets.parseReceipt(receiptCode);
        TenantId tenant = tenantOf(slug);
        byte[] hash = secrets.receiptHash(tenant, code);
        database.autocommit(connection -> {
            BaselineDatabase.setTenant(connection, tenant); // as TenantAwareDataSource does on every connection
            return SqlReporterViews.read(connection, tenant, SqlReporterViews.CASE_BY_RECEIPT, hash)
                    .orElseThrow(() -> new RequestFailed("receipt not found"));
        });
    }

    private TenantId tenantOf(String slug) throws SQLException, RequestFailed {
        TenantId known = tenants.get(slug);
        if (known != null) {
            return known;
        }
        TenantId id = database.inTransaction(connection -> BaselineDatabase.tenantBySlug(connection, slug)).id();
        tenants.put(slug, id);
        return id;
    }
}
