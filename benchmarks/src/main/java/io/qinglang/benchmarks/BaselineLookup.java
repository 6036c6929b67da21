package io.qinglang.benchmarks;

import io.qinglang.platform.cases.application.ReporterSecrets;
import io.qinglang.platform.cases.domain.ReceiptCode;
import io.qinglang.platform.shared.domain.TenantId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The SQL of a receipt lookup (TrackingService.track) over plain JDBC, in one transaction: the tenant, the
 * case by its receipt hash, then its evidence and its reporter-visible timeline. Keep each statement in step
 * with the platform code named beside it. As with intake, the platform reads the tenant in a transaction of
 * its own (TenantDirectory.find) and the baseline does not; the rate limiter's in-memory check has no SQL.
 */
final class BaselineLookup {

    /** Mirrors JpaCaseRepository.findByReceiptHash (EclipseLink selects every mapped column of Case). */
    private static final String CASE_BY_RECEIPT = "select tenant_id, id, acknowledge_due_at, anonymity, "
            + "calendar_incomplete, category_code, channel_code, claim_secret_hash, description, receipt_hash, "
            + "received_at, reference, sealed_contact, sealed_identity, status, subject_type, subject_value, updated_at, "
            + "urgent, version from cases where receipt_hash = ? and tenant_id = ?";
    /** Mirrors JpaCaseRepository.evidence, which TrackingService.view reads first. */
    private static final String EVIDENCE = "select tenant_id, id, case_id, content_type, event_id, file_name, sha256, "
            + "size_bytes, uploaded_at, uploaded_by from evidence where case_id = ? and tenant_id = ? "
            + "order by uploaded_at, file_name";
    /** Mirrors JpaCaseRepository.reporterVisibleEvents. */
    private static final String REPORTER_VISIBLE_EVENTS = "select tenant_id, id, actor_kind, case_id, message, "
            + "occurred_at, reporter_visible, type from case_events where case_id = ? and reporter_visible = ? "
            + "and tenant_id = ? order by occurred_at, id";

    private final BaselineDatabase database;
    private final ReporterSecrets secrets;

    BaselineLookup(BaselineDatabase database, ReporterSecrets secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    /** Looks a case up as a reporter would; fails when the receipt matches no case. */
    void track(String slug, String receiptCode) throws SQLException, RequestFailed {
        ReceiptCode code = ReporterSecrets.parseReceipt(receiptCode);
        database.inTransaction(connection -> {
            BaselineDatabase.TenantRow tenant = BaselineDatabase.tenantBySlug(connection, slug);
            byte[] hash = secrets.receiptHash(tenant.id(), code);
            BaselineDatabase.setTenant(connection, tenant.id());
            UUID caseId = caseByReceipt(connection, tenant.id(), hash);
            readAll(connection, EVIDENCE, caseId, tenant.id().value());
            readAll(connection, REPORTER_VISIBLE_EVENTS, caseId, true, tenant.id().value());
            return null;
        });
    }

    private static UUID caseByReceipt(Connection connection, TenantId tenant, byte[] hash)
            throws SQLException, RequestFailed {
        try (PreparedStatement select = connection.prepareStatement(CASE_BY_RECEIPT)) {
            select.setBytes(1, hash);
            select.setObject(2, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new RequestFailed("receipt not found");
                }
                return row.getObject("id", UUID.class);
            }
        }
    }

    /** Reads every row and column, as the platform does to build the view. */
    private static void readAll(Connection connection, String query, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            BaselineDatabase.bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rows.getObject(i);
                    }
                }
            }
        }
    }
}
