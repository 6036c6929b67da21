package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.platform.statistics.domain.Attacker;
import io.qinglang.platform.statistics.domain.Recovery;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.CaseHandlingIT.decision;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics end to end: counts kept by the database as cases are handled through the API, what is published for
 * closed periods only, and the suppression acceptance — for a crafted year, every count below k is hidden and a
 * reader of every published table (page, CSV and JSON alike) for every month, quarter and the year recovers none.
 */
class StatisticsIT {

    private static final int K = 10;

    @Test
    void countsFollowCasesAsTheyAreHandledAndAgreeWithARecountFromTheCases() throws SQLException {
        CaseHandlingIT.Desk desk = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        CaseHandlingIT.Submitted decided = desk.submit();
        CaseHandlingIT.Submitted rejected = desk.submit();
        desk.submit();
        desk.step(decided.id(), "accept", body());
        desk.step(decided.id(), "assign", body().put("department", "triage"));
        desk.step(decided.id(), "decide", decision("UNSUBSTANTIATED", "未发现违法信息。"));
        desk.step(decided.id(), "close", body());
        desk.step(rejected.id(), "reject", body().put("reason", "不属于本平台受理范围"));
        // a letter received before this month began, registered now: it counts in this month, never in a closed one
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        YearMonth thisMonth = YearMonth.now(zone);
        java.time.Instant monthBegan = thisMonth.atDay(1).atStartOfDay(zone).toInstant();
        java.time.Instant letter = java.util.Collections.max(List.of(monthBegan.minusSeconds(3600),
                java.time.Instant.now().minus(java.time.Duration.ofDays(29)))).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.Response registered = api().postJson(desk.cases(), Fixtures.report("hotline", desk.category())
                .put("receivedAt", letter.toString()), new Api.Call().bearer(desk.handler()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(Fixtures.rows("statistics_cells", desk.tenant().id(), "month <> date '" + thisMonth.atDay(1) + "'"))
                .as("nothing counted in a month already over").isZero();

        Map<String, Long> kept = keptCounts(desk.tenant().id());
        assertThat(kept).containsEntry("RECEIVED", 4L).containsEntry("ACCEPTED", 1L).containsEntry("REJECTED", 1L)
                .containsEntry("DECIDED/UNSUBSTANTIATED", 1L).containsEntry("CLOSED", 1L);
        assertThat(kept.keySet()).anyMatch(k -> k.startsWith("ON_TIME/")).noneMatch(k -> k.startsWith("LATE/"));
        assertThat(Fixtures.rows("statistics_durations", desk.tenant().id(), "measure = 'HANDLING'")).isEqualTo(1);

        List<String> running = snapshot(desk.tenant().id());
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("select qinglang_statistics_recount(?::uuid)")) {
            s.setString(1, desk.tenant().id());
            s.execute();
        }
        assertThat(snapshot(desk.tenant().id())).isEqualTo(running);

        // a body whose counts all fall in this month still lists last month (empty), and the page shows it
        JsonNode periods = api().get("/api/v1/tenants/" + desk.tenant().slug() + "/statistics", Api.Call.anonymous()).json();
        assertThat(periods.get("latest").asText()).isEqualTo(thisMonth.minusMonths(1).toString());
        assertThat(api().get("/t/" + desk.tenant().slug() + "/statistics", Api.Call.anonymous()).status()).isEqualTo(200);

        // this month is not over: nothing of it is published yet
        Api.Response open = api().get(statistics(desk.tenant(), thisMonth.toString()), Api.Call.anonymous());
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.json().get("code").asText()).isEqualTo("PERIOD_NOT_CLOSED");
        assertThat(open.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/path/period");
    }

    @Test
    void badPeriodsUnknownTenantsAndTenantsThatPublishNothingAreRefused() throws SQLException {
        Fixtures.TestTenant tenant = Fixtures.onboard("CONSUMER_COMPLAINTS");
        for (String bad : List.of("2025-13", "2025-00", "2025-Q5", "1999", "abc", "2025-1", "2025-01-01", "%20")) {
            Api.Response response = api().get(statistics(tenant, bad), Api.Call.anonymous());
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/path/period");
            Api.Response csv = api().get(statistics(tenant, bad) + ".csv", Api.Call.anonymous());
            assertThat(csv.status()).as(bad + ".csv").isEqualTo(400);
        }
        Api.Response page = api().get("/t/" + tenant.slug() + "/statistics?period=2025-13&lang=en", Api.Call.anonymous());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("That is not a period we publish").contains("<select id=\"period\"");
        assertThat(api().get("/api/v1/tenants/no-such-body/statistics/2025-01", Api.Call.anonymous()).status()).isEqualTo(404);
        assertThat(api().get("/t/no-such-body/statistics", Api.Call.anonymous()).status()).isEqualTo(404);

        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("insert into disclosure_settings (tenant_id, public_statistics, "
                     + "small_cell_k, report_periods) values (?::uuid, '', 10, 'YEARLY') on conflict (tenant_id, id) "
                     + "do update set public_statistics = ''")) {
            s.setString(1, tenant.id());
            s.execute();
        }
        Api.Response silent = api().get(statistics(tenant, "2025-01"), Api.Call.anonymous());
        assertThat(silent.status()).isEqualTo(404);
        assertThat(silent.json().get("code").asText()).isEqualTo("STATISTICS_NOT_PUBLISHED");
        assertThat(api().get("/t/" + tenant.slug() + "/statistics", Api.Call.anonymous()).status()).isEqualTo(404);
    }

    @Test
    void aCraftedYearHidesEverySmallCountAndNoHiddenCountCanBeWorkedOutFromAnythingPublished() throws SQLException {
        Fixtures.TestTenant tenant = Fixtures.onboard("INTERNET_CONTENT");
        JsonNode configuration = api().get("/api/v1/tenants/" + tenant.slug() + "/public-configuration",
                Api.Call.anonymous()).json();
        List<String> channels = configuration.get("channels").findValuesAsText("code").subList(0, 2);
        List<String> categories = configuration.get("categories").findValuesAsText("code").subList(0, 3);
        Map<String, Map<String, Long>> truth = craftYear(tenant, channels, categories);
        // another body with the same codes and the same year: none of its counts may reach this body's figures
        craftYear(Fixtures.onboard("INTERNET_CONTENT"), channels, categories);

        Map<String, Long> published = new HashMap<>();
        Map<String, long[]> hidden = new HashMap<>();
        List<Recovery.Equation> equations = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            periods.add(YearMonth.of(2025, m).toString());
        }
        for (int q = 1; q <= 4; q++) {
            periods.add("2025-Q" + q);
        }
        periods.add("2025");
        long smallSeen = 0;
        for (String period : periods) {
            Map<String, String> json = fromJson(api().get(statistics(tenant, period), Api.Call.anonymous()).json());
            Api.Response csvResponse = api().get(statistics(tenant, period) + ".csv", Api.Call.anonymous());
            assertThat(csvResponse.contentType()).startsWith("text/csv");
            Map<String, String> csv = fromCsv(csvResponse.body());
            Api.Response page = api().get("/t/" + tenant.slug() + "/statistics?period=" + period, Api.Call.anonymous());
            assertThat(page.status()).isEqualTo(200);
            Map<String, String> html = fromPage(page.body());
            assertThat(csv).as(period + ": CSV against JSON").isEqualTo(json);
            assertThat(html).as(period + ": page against JSON").isEqualTo(json);

            Map<String, Long> actual = truth.get(period);
            for (Map.Entry<String, String> figure : json.entrySet()) {
                String variable = variable(figure.getKey());
                long value = actual.getOrDefault(variable, 0L);
                String shown = figure.getValue();
                if (shown.equals("< " + K)) {
                    assertThat(value).as(period + " " + variable).isBetween(1L, K - 1L);
                    hidden.put(period + "|" + variable, new long[]{1, K - 1});
                    smallSeen++;
                } else if (shown.equals("×")) {
                    assertThat(value).as(period + " " + variable).isGreaterThanOrEqualTo(K);
                    hidden.put(period + "|" + variable, new long[]{K, Long.MAX_VALUE});
                } else if (shown.equals("*")) {
                    assertThat(value).as(period + " " + variable).isPositive();
                    hidden.put(period + "|" + variable, new long[]{1, Long.MAX_VALUE});
                } else {
                    assertThat(Long.parseLong(shown)).as(period + " " + variable).isEqualTo(value);
                    assertThat(value == 0 || value >= K).as(period + " publishes " + variable + " = " + value).isTrue();
                    published.put(period + "|" + variable, value);
                }
            }
            for (String variable : actual.keySet()) {
                if (actual.get(variable) == 0) {
                    continue;
                }
                assertThat(hidden.containsKey(period + "|" + variable) || published.containsKey(period + "|" + variable))
                        .as(period + " shows " + variable).isTrue();
            }
            equations.addAll(tableSums(period, json.keySet()));
        }
        assertThat(smallSeen).as("the crafted year has small counts to hide").isGreaterThan(20);
        for (int q = 1; q <= 4; q++) {
            List<String> months = new ArrayList<>();
            for (int m = 3 * q - 2; m <= 3 * q; m++) {
                months.add(YearMonth.of(2025, m).toString());
            }
            equations.addAll(periodSums("2025-Q" + q, months, truth));
        }
        equations.addAll(periodSums("2025", List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"), truth));
        equations.addAll(periodSums("2025", periods.subList(0, 12), truth));

        long cap = 2 * truth.get("2025").values().stream().mapToLong(Long::longValue).max().orElseThrow() + K;
        hidden.replaceAll((v, b) -> b[1] == Long.MAX_VALUE ? new long[]{b[0], cap} : b);
        assertThat(new Attacker(published, hidden, equations).recovered())
                .as("hidden counts a reader of every published table can work out").isEmpty();
    }

    /** Kept counts for 2025, written as the database's triggers would; returns the true value of every variable per period. */
    static Map<String, Map<String, Long>> craftYear(Fixtures.TestTenant tenant, List<String> channels,
                                                            List<String> categories) throws SQLException {
        Random random = new Random(2025L);
        Map<String, Map<String, Long>> truth = new HashMap<>();
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("insert into statistics_cells (tenant_id, month, measure, "
                     + "category_code, channel_code, detail, count, total) values (?::uuid, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(2025, m);
                Map<String, Long> t = new TreeMap<>();
                for (String category : categories) {
                    for (String channel : channels) {
                        long n = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? 1 + random.nextInt(9) : 10 + random.nextInt(25);
                        keep(s, tenant, month, "RECEIVED", category, channel, "", n, 0);
                        add(t, n, "RECEIVED", "channel/" + channel, "category/" + category);
                    }
                }
                for (String outcome : List.of("SUBSTANTIATED", "UNSUBSTANTIATED")) {
                    long n = random.nextBoolean() ? 1 + random.nextInt(9) : 10 + random.nextInt(15);
                    keep(s, tenant, month, "DECIDED", categories.getFirst(), channels.getFirst(), outcome, n, 0);
                    add(t, n, "DECIDED", "outcome/" + outcome);
                }
                long onTime = 5 + random.nextInt(20);
                long late = random.nextInt(4);
                keep(s, tenant, month, "ON_TIME", categories.getFirst(), channels.getFirst(), "DECIDE", onTime, 0);
                keep(s, tenant, month, "LATE", categories.getFirst(), channels.getFirst(), "DECIDE", late, 0);
                add(t, onTime, "onTime/DECIDE", "completed/DECIDE");
                add(t, late, "late/DECIDE", "completed/DECIDE");
                long appeals = random.nextInt(12);
                keep(s, tenant, month, "APPEALED", categories.getFirst(), channels.getFirst(), "", appeals, 0);
                add(t, appeals, "APPEALED");
                long paid = random.nextInt(3);
                keep(s, tenant, month, "REWARD_PAID", categories.getFirst(), channels.getFirst(), "CNY", paid, paid * 50_000);
                add(t, paid, "rewards/CNY");
                truth.put(month.toString(), t);
            }
        }
        for (int q = 1; q <= 4; q++) {
            Map<String, Long> sum = new TreeMap<>();
            for (int m = 3 * q - 2; m <= 3 * q; m++) {
                truth.get(YearMonth.of(2025, m).toString()).forEach((k, v) -> sum.merge(k, v, Long::sum));
            }
            truth.put("2025-Q" + q, sum);
        }
        Map<String, Long> year = new TreeMap<>();
        for (int q = 1; q <= 4; q++) {
            truth.get("2025-Q" + q).forEach((k, v) -> year.merge(k, v, Long::sum));
        }
        truth.put("2025", year);
        return truth;
    }

    private static void keep(PreparedStatement s, Fixtures.TestTenant tenant, YearMonth month, String measure,
                             String category, String channel, String detail, long count, long total) throws SQLException {
        if (count == 0) {
            return;
        }
        s.setString(1, tenant.id());
        s.setObject(2, month.atDay(1));
        s.setString(3, measure);
        s.setString(4, category);
        s.setString(5, channel);
        s.setString(6, detail);
        s.setLong(7, count);
        s.setLong(8, total);
        s.executeUpdate();
    }

    private static void add(Map<String, Long> truth, long n, String... variables) {
        for (String v : variables) {
            truth.merge(v, n, Long::sum);
        }
    }

    /** What a reader knows adds up within one period's published tables. */
    private static List<Recovery.Equation> tableSums(String period, Set<String> figures) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Set<String> stages = new TreeSet<>();
        for (String figure : figures) {
            String[] parts = figure.split("/");
            if (List.of("by_channel", "by_category", "by_outcome").contains(parts[0]) && !parts[1].equals("TOTAL")) {
                rows.computeIfAbsent(parts[0], s -> new ArrayList<>()).add(period + "|" + variable(figure));
            }
            if (parts[0].equals("timeliness")) {
                stages.add(parts[1]);
            }
        }
        List<Recovery.Equation> sums = new ArrayList<>();
        rows.forEach((section, variables) -> sums.add(new Recovery.Equation(variables,
                period + "|" + variable(section + "/TOTAL/count"))));
        stages.forEach(stage -> sums.add(new Recovery.Equation(List.of(period + "|onTime/" + stage,
                period + "|late/" + stage), period + "|completed/" + stage)));
        return sums;
    }

    /** A longer period's figure is the sum of its parts' figures. */
    private static List<Recovery.Equation> periodSums(String whole, List<String> parts, Map<String, Map<String, Long>> truth) {
        Set<String> variables = new TreeSet<>(truth.get(whole).keySet());
        return variables.stream().map(v -> new Recovery.Equation(parts.stream().map(p -> p + "|" + v).toList(),
                whole + "|" + v)).toList();
    }

    /** The statistics variable a published figure ({@code section/key/measure}) is. */
    private static String variable(String figure) {
        String[] p = figure.split("/");
        return switch (p[0]) {
            case "summary", "appeals" -> p[1];
            case "by_channel" -> p[1].equals("TOTAL") ? "RECEIVED" : "channel/" + p[1];
            case "by_category" -> p[1].equals("TOTAL") ? "RECEIVED" : "category/" + p[1];
            case "by_outcome" -> p[1].equals("TOTAL") ? "DECIDED" : "outcome/" + p[1];
            case "timeliness" -> switch (p[2]) {
                case "on_time" -> "onTime/" + p[1];
                case "late" -> "late/" + p[1];
                default -> "completed/" + p[1];
            };
            case "rewards_paid" -> "rewards/" + p[1];
            default -> throw new IllegalArgumentException(figure);
        };
    }

    private static Map<String, String> fromJson(JsonNode s) {
        Map<String, String> figures = new TreeMap<>();
        Map<String, String> sections = Map.of("summary", "summary", "byChannel", "by_channel", "byCategory", "by_category",
                "byOutcome", "by_outcome", "appeals", "appeals");
        sections.forEach((field, section) -> s.get(field).forEach(line ->
                figures.put(section + "/" + line.get("key").asText() + "/count", line.get("figure").get("shown").asText())));
        s.get("timeliness").forEach(stage -> {
            for (String measure : List.of("completed", "onTime", "late")) {
                figures.put("timeliness/" + stage.get("stage").asText() + "/"
                        + (measure.equals("onTime") ? "on_time" : measure), stage.get(measure).get("shown").asText());
            }
        });
        s.get("rewards").forEach(r -> figures.put("rewards_paid/" + r.get("currency").asText() + "/count",
                r.get("count").get("shown").asText()));
        return figures;
    }

    private static Map<String, String> fromCsv(String csv) {
        Map<String, String> figures = new TreeMap<>();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("period,section,key");
        for (int i = 1; i < lines.length; i++) {
            List<String> f = csvFields(lines[i]);
            String measure = f.get(5);
            if (List.of("count", "completed", "on_time", "late").contains(measure)) {
                figures.put(f.get(1) + "/" + f.get(2) + "/" + measure, f.get(7));
            }
        }
        return figures;
    }

    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Map<String, String> fromPage(String html) {
        Map<String, String> figures = new TreeMap<>();
        Matcher m = Pattern.compile("data-figure=\"([^\"]+)\"[^>]*>([^<]*)</td>").matcher(html);
        while (m.find()) {
            figures.put(m.group(1), m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return figures;
    }

    private static String statistics(Fixtures.TestTenant tenant, String period) {
        return "/api/v1/tenants/" + tenant.slug() + "/statistics/" + period;
    }

    private static Map<String, Long> keptCounts(String tenantId) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("select measure, detail, sum(count) from statistics_cells "
                     + "where tenant_id = ?::uuid group by measure, detail")) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String detail = rs.getString(2);
                    counts.put(rs.getString(1) + (detail.isEmpty() ? "" : "/" + detail), rs.getLong(3));
                }
            }
        }
        return counts;
    }

    private static List<String> snapshot(String tenantId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = platform().ownerConnection()) {
            for (String query : List.of(
                    "select month, measure, category_code, channel_code, detail, sum(count), sum(total) "
                            + "from statistics_cells where tenant_id = ?::uuid group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5",
                    "select month, measure, hours, sum(count) from statistics_durations where tenant_id = ?::uuid "
                            + "group by 1, 2, 3 order by 1, 2, 3")) {
                try (PreparedStatement s = c.prepareStatement(query)) {
                    s.setString(1, tenantId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.append(rs.getString(i)).append('|');
                            }
                            rows.add(row.toString());
                        }
                    }
                }
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
