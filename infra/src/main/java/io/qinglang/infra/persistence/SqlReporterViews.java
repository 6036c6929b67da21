package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.application.CaseTracking;
import io.qinglang.platform.cases.application.ReporterViews;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.shared.application.TenantScope;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The reporter's view read with plain SQL: the columns it shows, on a connection of the main pool taken outside any JTA
 * transaction and set to the tenant (row-level security confines every statement, and each names the tenant as well).
 * Each statement runs on its own (autocommit) and sees what was committed when it began, as every statement of the
 * platform's READ COMMITTED transactions does. The benchmark's baseline runs {@link #read} itself.
 */
@ApplicationScoped
public class SqlReporterViews implements ReporterViews {

    private static final String CASE_COLUMNS = "select c.id, c.reference, c.status, c.received_at, "
            + "c.acknowledge_due_at, c.calendar_incomplete, c.waiting_since is not null, c.referred_to, "
            + "c.referred_tenant_id is not null, l.id, l.reference, l.status from cases c "
            + "left join cases l on l.tenant_id = c.tenant_id and l.id = c.lead_case_id where c.tenant_id = ? and ";
    public static final String CASE_BY_RECEIPT = CASE_COLUMNS + "c.receipt_hash = ?";
    public static final String CASE_BY_ID = CASE_COLUMNS + "c.id = ?";
    /** Its reporter-visible timeline, in the order it happened. */
    static final String TIMELINE = "select id, type, occurred_at, actor_kind, message from case_events "
            + "where tenant_id = ? and case_id = ? and reporter_visible order by occurred_at, id";
    /** Its files, each shown with the timeline entry it came with. */
    static final String FILES = "select event_id, id, file_name, content_type, size_bytes, sha256 from evidence "
            + "where tenant_id = ? and case_id = ? order by uploaded_at, file_name";
    /** The latest decision (read only while one stands: decided, closed or appealed). */
    static final String DECISION = "select outcome, reasons, decided_at from decisions where tenant_id = ? "
            + "and case_id = ? order by decided_at desc limit 1";
    /** The appeal window still open (read only for a closed case). */
    static final String APPEAL_UNTIL = "select due_at from case_deadlines where tenant_id = ? and case_id = ? "
            + "and stage = '" + DeadlineStage.APPEAL_WINDOW.name() + "' and completed_at is null "
            + "order by started_at limit 1";

    /** The statuses in which the latest decision stands (a reversed one is handled again: REVIEWING and after). */
    private static final Set<String> DECISION_STANDS = Set.of(CaseStatus.DECIDED.name(), CaseStatus.CLOSED.name(),
            CaseStatus.APPEALED.name());

    private final DataSource connections;

    @Inject
    public SqlReporterViews(DataSourceProducer pool) {
        this.connections = pool.outsideTransactions();
    }

    @Override
    public Optional<ReporterView> byReceiptHash(TenantId tenant, byte[] receiptHash) {
        return read(tenant, CASE_BY_RECEIPT, receiptHash);
    }

    @Override
    public Optional<ReporterView> byId(TenantId tenant, CaseId id) {
        return read(tenant, CASE_BY_ID, id.value());
    }

    private Optional<ReporterView> read(TenantId tenant, String caseQuery, Object key) {
        try (TenantScope ignored = TenantScope.enter(tenant);
             Connection connection = connections.getConnection()) {
            return read(connection, tenant, caseQuery, key);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a reporter's view of a case", e);
        }
    }

    /**
     * The view of the case that {@code caseQuery} ({@link #CASE_BY_RECEIPT} or {@link #CASE_BY_ID}) finds by {@code key},
     * on a connection already set to the tenant.
     */
    public static Optional<ReporterView> read(Connection connection, TenantId tenant, String caseQuery, Object key)
            throws SQLException {
        UUID caseId;
        CaseTracking.Lead lead;
        String reference;
        String status;
        Instant receivedAt;
        Instant acknowledgeBy;
        boolean calendarIncomplete;
        boolean waiting;
        String referredTo;
        boolean referredOnPlatform;
        try (PreparedStatement select = connection.prepareStatement(caseQuery)) {
            select.setObject(1, tenant.value());
            select.setObject(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                caseId = row.getObject(1, UUID.class);
                reference = row.getString(2);
                status = row.getString(3);
                receivedAt = instant(row, 4);
                acknowledgeBy = instant(row, 5);
                calendarIncomplete = row.getBoolean(6);
                waiting = row.getBoolean(7);
                referredTo = row.getString(8);
                referredOnPlatform = row.getBoolean(9);
                UUID leadId = row.getObject(10, UUID.class);
                lead = leadId == null ? null : new CaseTracking.Lead(row.getString(11), row.getString(12),
                        decision(connection, tenant, leadId, row.getString(12)));
            }
        }
        CaseTracking.TrackedDecision decision = decision(connection, tenant, caseId, status);
        Instant appealUntil = status.equals(CaseStatus.CLOSED.name()) ? appealUntil(connection, tenant, caseId) : null;
        CaseTracking view = new CaseTracking(reference, status, receivedAt, acknowledgeBy, calendarIncomplete, waiting,
                referredTo, decision, appealUntil, lead, timeline(connection, tenant, caseId), null);
        return Optional.of(new ReporterView(tenant, new CaseId(caseId), view, referredOnPlatform));
    }

    private static List<CaseTracking.Entry> timeline(Connection connection, TenantId tenant, UUID caseId)
            throws SQLException {
        Map<UUID, List<CaseTracking.File>> files = new HashMap<>();
        try (PreparedStatement select = caseRows(connection, FILES, tenant, caseId); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                files.computeIfAbsent(rows.getObject(1, UUID.class), event -> new ArrayList<>()).add(new CaseTracking.File(
                        rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4), rows.getLong(5),
                        rows.getString(6)));
            }
        }
        List<CaseTracking.Entry> timeline = new ArrayList<>();
        try (PreparedStatement select = caseRows(connection, TIMELINE, tenant, caseId);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                timeline.add(new CaseTracking.Entry(rows.getString(2), instant(rows, 3), rows.getString(4),
                        rows.getString(5), List.copyOf(files.getOrDefault(rows.getObject(1, UUID.class), List.of()))));
            }
        }
        return List.copyOf(timeline);
    }

    private static CaseTracking.TrackedDecision decision(Connection connection, TenantId tenant, UUID caseId,
                                                         String status) throws SQLException {
        if (!DECISION_STANDS.contains(status)) {
            return null;
        }
        try (PreparedStatement select = caseRows(connection, DECISION, tenant, caseId); ResultSet row = select.executeQuery()) {
            return row.next() ? new CaseTracking.TrackedDecision(row.getString(1), row.getString(2), instant(row, 3)) : null;
        }
    }

    private static Instant appealUntil(Connection connection, TenantId tenant, UUID caseId) throws SQLException {
        try (PreparedStatement select = caseRows(connection, APPEAL_UNTIL, tenant, caseId);
             ResultSet row = select.executeQuery()) {
            return row.next() ? instant(row, 1) : null;
        }
    }

    private static PreparedStatement caseRows(Connection connection, String query, TenantId tenant, UUID caseId)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(query);
        try {
            select.setObject(1, tenant.value());
            select.setObject(2, caseId);
            return select;
        } catch (SQLException e) {
            select.close();
            throw e;
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
