package io.qinglang.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fills a tenant with cases spread evenly over the 24 months before this one, each with the timeline a handled
 * case has (received; accepted, not accepted or transferred; decided with an outcome; closed; two stage deadlines,
 * one in twelve of them missed), written in bulk by SQL as the database owner with triggers off, then counts the
 * tenant's statistics with {@code qinglang_statistics_recount}, which applies the same rules as the triggers that
 * keep them as cases change (StatisticsIT checks that the two agree).
 */
final class StatisticsSeed {

    private static final List<String> CHANNELS = List.of("web", "app", "hotline", "email");
    private static final List<String> OUTCOMES = List.of("SUBSTANTIATED", "PARTLY_SUBSTANTIATED", "UNSUBSTANTIATED", "MALICIOUS");

    private StatisticsSeed() {
    }

    static void seed(Connection owner, BenchTenant tenant, int cases, Consumer<String> progress) throws SQLException {
        Instant began = Instant.now();
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.execute("create temp table seed on commit drop as "
                    + "select n, gen_random_uuid() as id, "
                    + "  date_trunc('month', now()) - interval '24 months' "
                    + "    + (n - 0.5) / " + cases + ".0 * (date_trunc('month', now()) - (date_trunc('month', now()) - interval '24 months')) as received, "
                    + "  (n * 2654435761::bigint) % 1000 as roll "
                    + "from generate_series(1, " + cases + ") n");
            try (PreparedStatement insert = owner.prepareStatement("insert into cases (tenant_id, id, reference, channel_code, "
                    + "category_code, subject_type, subject_value, description, anonymity, status, urgent, received_at, "
                    + "acknowledge_due_at, calendar_incomplete, receipt_hash, claim_secret_hash, updated_at, outcome, "
                    + "decided_at, closed_at) "
                    + "select ?, id, 'BM-' || n, (?::text[])[1 + n % 4], "
                    + "  (select array_agg(code order by code) from categories where tenant_id = ?)[1 + (n * 7) % "
                    + "    (select count(*) from categories where tenant_id = ?)], "
                    + "  'URL', 'https://seeded.example/' || n, 'seeded case', 'ANONYMOUS', "
                    + "  case when roll < 80 then 'REJECTED' when roll < 120 then 'TRANSFERRED' when roll < 900 then 'CLOSED' "
                    + "       else 'IN_PROGRESS' end, false, received, received + interval '1 day', false, "
                    + "  decode(md5('receipt' || id), 'hex'), decode(md5('claim' || id), 'hex'), received, "
                    + "  case when roll between 120 and 899 then (?::text[])[1 + roll % 4] end, "
                    + "  case when roll between 120 and 899 then received + interval '10 days' end, "
                    + "  case when roll between 120 and 899 then received + interval '12 days' end "
                    + "from seed")) {
                insert.setObject(1, tenant.id().value());
                insert.setArray(2, owner.createArrayOf("text", CHANNELS.toArray()));
                insert.setObject(3, tenant.id().value());
                insert.setObject(4, tenant.id().value());
                insert.setArray(5, owner.createArrayOf("text", OUTCOMES.toArray()));
                insert.executeUpdate();
            }
            progress.accept(String.format("seeding %,d cases: cases written (%d s) …", cases, seconds(began)));
            events(owner, tenant, "'RECEIVED', received", "true");
            events(owner, tenant, "'REJECTED', received + interval '2 days'", "roll < 80");
            events(owner, tenant, "'TRANSFERRED', received + interval '2 days'", "roll between 80 and 119");
            events(owner, tenant, "'ACCEPTED', received + interval '1 day'", "roll >= 120");
            events(owner, tenant, "'DECIDED', received + interval '10 days'", "roll between 120 and 899");
            events(owner, tenant, "'CLOSED', received + interval '12 days'", "roll between 120 and 899");
            events(owner, tenant, "'APPEALED', received + interval '15 days'", "roll between 120 and 899 and roll % 50 = 0");
            events(owner, tenant, "'REVIEW_REVERSED', received + interval '25 days'", "roll between 120 and 899 and roll % 250 = 0");
            progress.accept(String.format("seeding %,d cases: timelines written (%d s) …", cases, seconds(began)));
            deadlines(owner, tenant, "ACCEPT", "received", "received + interval '3 days'",
                    "received + case when roll % 12 = 0 then interval '4 days' else interval '1 day' end", "true");
            deadlines(owner, tenant, "DECIDE", "received + interval '1 day'", "received + interval '11 days'",
                    "received + case when roll % 12 = 5 then interval '14 days' else interval '10 days' end",
                    "roll between 120 and 899");
            owner.commit();
            // the planner must know the new sizes before the recount joins millions of rows
            owner.setAutoCommit(true);
            s.execute("analyze cases");
            s.execute("analyze case_events");
            s.execute("analyze case_deadlines");
            progress.accept(String.format("seeding %,d cases: deadlines written (%d s); counting statistics …", cases, seconds(began)));
            try (PreparedStatement recount = owner.prepareStatement("select qinglang_statistics_recount(?)")) {
                recount.setObject(1, tenant.id().value());
                recount.execute();
            }
            s.execute("analyze statistics_cells");
            s.execute("analyze statistics_durations");
        } catch (SQLException e) {
            if (!owner.getAutoCommit()) {
                owner.rollback();
            }
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
        progress.accept(String.format("seeded %,d cases over 24 months for %s in %d s", cases, tenant.slug(), seconds(began)));
    }

    private static void events(Connection owner, BenchTenant tenant, String typeAndTime, String which) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("insert into case_events (tenant_id, id, case_id, type, "
                + "occurred_at, actor_kind, reporter_visible) select ?, gen_random_uuid(), id, " + typeAndTime
                + ", 'SYSTEM', true from seed where " + which)) {
            s.setObject(1, tenant.id().value());
            s.executeUpdate();
        }
    }

    private static void deadlines(Connection owner, BenchTenant tenant, String stage, String started, String due,
                                  String completed, String which) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("insert into case_deadlines (tenant_id, id, case_id, stage, "
                + "started_at, due_at, completed_at, due_date, amount, unit, calendar_incomplete, pauses_while_waiting, "
                + "extension_amount, extension_needs_approval, alert_percents) "
                + "select ?, gen_random_uuid(), id, '" + stage + "', " + started + ", " + due + ", " + completed + ", ("
                + due + ")::date, 10, 'WORKING_DAYS', false, false, 0, false, '' from seed where " + which)) {
            s.setObject(1, tenant.id().value());
            s.executeUpdate();
        }
    }

    private static long seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds();
    }
}
