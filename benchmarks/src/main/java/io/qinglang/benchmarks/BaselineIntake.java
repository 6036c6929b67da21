package io.qinglang.benchmarks;

import io.qinglang.infra.persistence.ReferenceBlocks;
import io.qinglang.platform.cases.application.ReporterSecrets;
import io.qinglang.platform.cases.domain.ClaimSecret;
import io.qinglang.platform.cases.domain.ReceiptCode;
import io.qinglang.platform.cases.domain.ReferenceNumber;
import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.shared.domain.TenantId;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of an anonymous report without files (IntakeService.submit → register) over plain JDBC, in one
 * transaction. Keep each statement in step with the platform code named beside it; {@code --trace-sql}
 * prints both sides' statements to PostgreSQL's log for comparing.
 *
 * <p>The platform reads the tenant in a transaction of its own first (TenantDirectory, outside any tenant
 * scope), so it borrows two pooled connections, sets the tenant setting twice and commits twice per report;
 * the baseline does each once. That difference is platform overhead and shows in the ratio.
 */
final class BaselineIntake {

    /** Channel.acceptsPublicIntake: the kinds that take reports online. */
    private static final Set<String> PUBLIC_INTAKE_KINDS = Set.of("WEB", "APP");

    private final BaselineDatabase database;
    private final BaselineDeadlines deadlines = new BaselineDeadlines();
    private final ReporterSecrets secrets;
    private final SecureRandom random = new SecureRandom();
    private final ReferenceBlocks references;

    BaselineIntake(BaselineDatabase database, ReporterSecrets secrets) {
        this.database = database;
        this.secrets = secrets;
        this.references = new ReferenceBlocks(database::reserveReferences);
    }

    /** Registers a report like {@link IntakeScenario#REPORT}; returns its receipt code, grouped. */
    String submit(String slug, String channel, String categoryCode) throws SQLException, RequestFailed {
        return database.inTransaction(connection -> {
            BaselineDatabase.TenantRow tenant = BaselineDatabase.tenantBySlug(connection, slug);
            if (!"ACTIVE".equals(tenant.status())) { // Tenant.requireAcceptingReports
                throw new RequestFailed("tenant not accepting reports");
            }
            BaselineDatabase.setTenant(connection, tenant.id());
            requireWebChannel(connection, tenant.id(), channel);
            boolean urgent = activeCategoryUrgency(connection, tenant.id(), categoryCode);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Deadline acknowledge = deadlines.acknowledge(connection, tenant, categoryCode, now);
            int year = now.atZone(tenant.zone()).getYear();
            ReferenceNumber reference = ReferenceNumber.of(tenant.referencePrefix(), year, references.next(tenant.id(), year));
            ReceiptCode receipt = ReceiptCode.generate(random);
            UUID caseId = UUID.randomUUID();
            insertCase(connection, tenant.id(), caseId, reference, channel, categoryCode, urgent, now, acknowledge, receipt);
            insertReceivedEvent(connection, tenant.id(), caseId, now);
            insertAcknowledgeStage(connection, tenant.id(), caseId, now, acknowledge);
            // the details IntakeService writes (Jackson there; the same JSON here)
            appendAuditEvent(connection, caseId, now, "{\"reference\":\"" + reference.value() + "\",\"channel\":\""
                    + channel + "\",\"category\":\"" + categoryCode + "\",\"anonymity\":\"ANONYMOUS\",\"files\":0}");
            return receipt.grouped();
        });
    }

    /** Mirrors JpaTenantConfigurationRepository.channel and IntakeService.checkChannelAndCategory. */
    private static void requireWebChannel(Connection connection, TenantId tenant, String code)
            throws SQLException, RequestFailed {
        try (PreparedStatement select = connection.prepareStatement("select tenant_id, code, active, contact, kind, "
                + "name_en, name_zh from channels where code = ? and tenant_id = ?")) {
            select.setString(1, code);
            select.setObject(2, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !row.getBoolean("active") || !PUBLIC_INTAKE_KINDS.contains(row.getString("kind"))) {
                    throw new RequestFailed("channel not accepting reports");
                }
            }
        }
    }

    /** Mirrors JpaTenantConfigurationRepository.category; returns whether the category is urgent. */
    private static boolean activeCategoryUrgency(Connection connection, TenantId tenant, String code)
            throws SQLException, RequestFailed {
        try (PreparedStatement select = connection.prepareStatement("select tenant_id, code, active, name_en, name_zh, "
                + "sort_order, urgent from categories where code = ? and tenant_id = ?")) {
            select.setString(1, code);
            select.setObject(2, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !row.getBoolean("active")) {
                    throw new RequestFailed("category not found");
                }
                return row.getBoolean("urgent");
            }
        }
    }

    /** Mirrors JpaCaseRepository.add(Case) for Case.receive (an anonymous report: nothing sealed). */
    private void insertCase(Connection connection, TenantId tenant, UUID caseId, ReferenceNumber reference,
                            String channel, String category, boolean urgent, Instant now, Deadline acknowledge,
                            ReceiptCode receipt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into cases (tenant_id, id, "
                + "acknowledge_due_at, anonymity, calendar_incomplete, category_code, channel_code, claim_secret_hash, "
                + "description, receipt_hash, received_at, reference, sealed_contact, sealed_identity, status, "
                + "subject_type, subject_value, updated_at, urgent, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            // "claim" is ReporterSecrets.CLAIM, the purpose IntakeService hashes claim secrets under
            byte[] claimHash = secrets.hash(tenant, "claim", ClaimSecret.generate(random).canonical());
            BaselineDatabase.bind(insert, tenant.value(), caseId, Timestamp.from(acknowledge.dueAt()), "ANONYMOUS",
                    acknowledge.calendarIncomplete(), category, channel, claimHash, IntakeScenario.DESCRIPTION,
                    secrets.receiptHash(tenant, receipt), Timestamp.from(now), reference.value(), null, null, "RECEIVED",
                    "URL", IntakeScenario.SUBJECT, Timestamp.from(now), urgent, 1L);
            insert.executeUpdate();
        }
    }

    /** Mirrors JpaCaseRepository.add(CaseEvent) for the RECEIVED event IntakeService.register writes. */
    private static void insertReceivedEvent(Connection connection, TenantId tenant, UUID caseId, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into case_events (tenant_id, id, actor_kind, "
                + "case_id, message, occurred_at, reporter_visible, type) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            BaselineDatabase.bind(insert, tenant.value(), UUID.randomUUID(), "REPORTER", caseId, null,
                    Timestamp.from(now), true, "RECEIVED");
            insert.executeUpdate();
        }
    }

    /**
     * Mirrors CaseClock.start for the scenario's tenant (internet-content template): its only triage stage with
     * a policy is ACKNOWLEDGE, instant, so it is stored already met; ACCEPT has no policy and the category is not
     * urgent.
     */
    private static void insertAcknowledgeStage(Connection connection, TenantId tenant, UUID caseId, Instant now,
                                               Deadline acknowledge) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into case_deadlines (tenant_id, id, "
                + "alert_percents, alerts_sent, amount, calendar_incomplete, case_id, completed_at, due_at, due_date, "
                + "extended, extension_amount, extension_needs_approval, extension_unit, next_alert_at, paused_at, "
                + "pauses_while_waiting, stage, started_at, unit, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            BaselineDatabase.bind(insert, tenant.value(), UUID.randomUUID(), "50,80,100", "", 0,
                    acknowledge.calendarIncomplete(), caseId, Timestamp.from(now), Timestamp.from(acknowledge.dueAt()),
                    java.sql.Date.valueOf(acknowledge.dueDate()), false, 0, false, null, null, null, false,
                    "ACKNOWLEDGE", Timestamp.from(now), "HOURS", 1L);
            insert.executeUpdate();
        }
    }

    /**
     * Mirrors AuditTrail.record over SqlAuditLog.write: the CASE_RECEIVED event, written waiting to be sealed (no lock;
     * the platform's sequencer seals it later, off the request path, which the baseline leaves out).
     */
    private static void appendAuditEvent(Connection connection, UUID caseId, Instant now, String details)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_events (tenant_id, occurred_at, "
                + "actor_kind, actor_id, action, subject_type, subject_id, reason, details) "
                + "values (qinglang_current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?)")) {
            BaselineDatabase.bind(insert, Timestamp.from(now), "REPORTER", null, "CASE_RECEIVED", "CASE",
                    caseId.toString(), null, details);
            insert.executeUpdate();
        }
    }
}
