package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.admin.disclosure.report.ReportText;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each body's audit chain head is published (issue 18): on a public endpoint, on the body's page of reports and in
 * every disclosure report, so that an outsider who kept an earlier head can check the trail was not rewritten.
 */
class AuditHeadIT {

    /** An event's number, hash and time as the database holds them. */
    record Stored(long seq, String hash, Instant occurredAt) {
    }

    @Test
    void theHeadIsTheLatestSealedEventAndMovesOnOnceTheNextOneIsSealed() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.sealAudit(body);
        Api.Response first = head(body.slug(), "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/json");
        assertThat(first.header("Cache-Control")).contains("max-age=10");
        assertHead(first.json(), body, latest(body));
        assertThat(first.json().has("atSeq")).isFalse();
        Instant asOf = Instant.parse(first.json().get("asOf").asText());
        assertThat(asOf).isAfterOrEqualTo(Instant.parse(first.json().get("occurredAt").asText()))
                .isBefore(Instant.now().plusSeconds(5));

        Fixtures.submitted(body, Fixtures.report("web", "fraud"));
        assertThat(head(body.slug(), "").json().get("hash").asText()).as("an event waiting to be sealed is not in the "
                + "chain yet").isEqualTo(first.json().get("hash").asText());
        Fixtures.sealAudit(body);
        JsonNode next = head(body.slug(), "").json();
        assertHead(next, body, latest(body));
        assertThat(next.get("seq").asLong()).isEqualTo(first.json().get("seq").asLong() + 1);
        assertThat(next.get("hash").asText()).isNotEqualTo(first.json().get("hash").asText());
    }

    @Test
    void anOutsiderWhoKeptAHeadFindsItsHashUnchangedAfterMoreEventsAndARewriteShowsUp() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("CONSUMER_COMPLAINTS");
        Fixtures.submitted(body, Fixtures.report("web", "price"));
        Fixtures.sealAudit(body);
        JsonNode kept = head(body.slug(), "").json();
        long seq = kept.get("seq").asLong();
        for (int i = 0; i < 3; i++) {
            Fixtures.submitted(body, Fixtures.report("web", "price"));
        }
        Fixtures.sealAudit(body);
        JsonNode later = head(body.slug(), "?seq=" + seq).json();
        assertThat(later.get("seq").asLong()).isEqualTo(seq + 3);
        assertHead(later, body, latest(body));
        assertThat(later.get("atSeq").get("seq").asLong()).isEqualTo(seq);
        assertThat(later.get("atSeq").get("hash").asText()).isEqualTo(kept.get("hash").asText())
                .isEqualTo(stored(body, seq).hash());
        assertThat(later.get("atSeq").get("occurredAt").asText()).isEqualTo(kept.get("occurredAt").asText());
        // the hash stored at any number is the one the database holds there
        assertThat(head(body.slug(), "?seq=1").json().get("atSeq").get("hash").asText()).isEqualTo(stored(body, 1).hash());

        // someone rewrites an event before the kept one and chains every hash after it anew: the kept hash no longer
        // matches, and the page says so to whoever checks there
        rewriteFrom(body, 2);
        JsonNode rewritten = head(body.slug(), "?seq=" + seq).json();
        assertThat(rewritten.get("atSeq").get("hash").asText()).isNotEqualTo(kept.get("hash").asText());
        Api.Response page = api().get("/t/" + body.slug() + "/disclosures?lang=en&seq=" + seq + "&hash="
                + kept.get("hash").asText(), Api.Call.anonymous());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("It is not the hash you kept", rewritten.get("atSeq").get("hash").asText());
    }

    @Test
    void badNumbersAndBodiesThatPublishNoHeadAreRefusedWithProblems() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.sealAudit(body);
        long head = latest(body).seq();
        for (String bad : List.of("0", "-1", "abc", "1.5", "", " 7", "+1", "0x10", "1;2", "%00")) {
            Api.Response refused = head(body.slug(), "?seq=" + (bad.equals("%00") ? bad : URLEncoder.encode(bad, StandardCharsets.UTF_8)));
            assertProblem(refused, 400, "SEQ_INVALID");
            assertThat(refused.json().get("errors").findValuesAsText("pointer")).containsExactly("/query/seq");
        }
        for (String past : List.of(Long.toString(head + 1), "9223372036854775807", "123456789012345678901234567890")) {
            Api.Response refused = head(body.slug(), "?seq=" + past);
            assertProblem(refused, 400, "SEQ_BEYOND_HEAD");
            assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/query/seq");
            assertThat(refused.json().get("errors").get(0).get("detail").asText()).endsWith("head is event " + head);
        }
        assertThat(head(body.slug(), "?seq=" + head).json().get("atSeq").get("seq").asLong()).isEqualTo(head);
        assertProblem(head("no-such-body-x1", ""), 404, "TENANT_NOT_FOUND");
        assertProblem(head("NOT%20A%20SLUG", ""), 404, "TENANT_NOT_FOUND");

        // a suspended body publishes no head (as it lists no reports); reactivated, it does again; a leaving one does not
        String operatorPath = "/api/v1/platform/tenants/" + body.slug();
        Api.Call operator = new Api.Call().bearer(api().operatorToken());
        String reason = "审计链头测试 / audit head test";
        assertThat(api().postJson(operatorPath + "/suspend", Api.object().put("reason", reason), operator).status()).isEqualTo(200);
        assertProblem(head(body.slug(), ""), 404, "AUDIT_HEAD_NOT_PUBLISHED");
        assertProblem(head(body.slug(), "?seq=1"), 404, "AUDIT_HEAD_NOT_PUBLISHED");
        assertThat(api().get("/t/" + body.slug() + "/disclosures", Api.Call.anonymous()).status()).isEqualTo(404);
        assertThat(api().postJson(operatorPath + "/reactivate", Api.object().put("reason", reason), operator).status()).isEqualTo(200);
        assertThat(head(body.slug(), "").status()).isEqualTo(200);
        assertThat(api().postJson(operatorPath + "/suspend", Api.object().put("reason", reason), operator).status()).isEqualTo(200);
        assertThat(api().postJson(operatorPath + "/leave", Api.object().put("reason", reason), operator).status()).isEqualTo(200);
        assertProblem(head(body.slug(), ""), 404, "AUDIT_HEAD_NOT_PUBLISHED");
    }

    @Test
    void aBodysHeadNeverShowsAnotherBodysChain() throws Exception {
        Fixtures.TestTenant a = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.TestTenant b = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.submitted(b, Fixtures.report("web", "fraud"));
        Fixtures.submitted(b, Fixtures.report("web", "fraud"));
        Fixtures.sealAudit(a);
        Fixtures.sealAudit(b);
        JsonNode headA = head(a.slug(), "?seq=1").json();
        JsonNode headB = head(b.slug(), "?seq=1").json();
        assertHead(headA, a, latest(a));
        assertHead(headB, b, latest(b));
        assertThat(headA.get("seq").asLong()).isLessThan(headB.get("seq").asLong());
        assertThat(headA.get("atSeq").get("hash").asText()).isEqualTo(stored(a, 1).hash())
                .isNotEqualTo(headB.get("atSeq").get("hash").asText());
        // a number only the other body's chain reaches names nothing here
        assertProblem(head(a.slug(), "?seq=" + headB.get("seq").asLong()), 400, "SEQ_BEYOND_HEAD");
        // B's events move B's head only
        Fixtures.submitted(b, Fixtures.report("web", "fraud"));
        Fixtures.sealAudit(b);
        assertThat(head(a.slug(), "").json().get("hash").asText()).isEqualTo(headA.get("hash").asText());
    }

    @Test
    void aReportCarriesItsOwnBodysHeadAsItStoodWhenMadeInEveryEditionAndKeepsIt() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.TestTenant other = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.submitted(other, Fixtures.report("web", "fraud"));
        Fixtures.sealAudit(body);
        Fixtures.sealAudit(other);
        Api.Call admin = new Api.Call().bearer(body.adminToken());
        JsonNode report = DisclosureIT.ready(body, DisclosureIT.request(body, "2025-06", admin), admin);
        JsonNode made = report.get("auditHead");
        long seq = made.get("seq").asLong();
        Stored atMaking = stored(body, seq);
        assertThat(atMaking).as("the latest sealed event when the report was made").isEqualTo(latest(body));
        assertThat(made.get("hash").asText()).isEqualTo(atMaking.hash());
        assertThat(Instant.parse(made.get("occurredAt").asText())).isEqualTo(atMaking.occurredAt());
        assertThat(Instant.parse(made.get("asOf").asText())).isAfterOrEqualTo(atMaking.occurredAt());
        assertThat(made.get("hash").asText()).isNotEqualTo(latest(other).hash());

        for (String edition : List.of("zh-CN", "en")) {
            List<String> lines = ReportText.lines(DisclosureIT.download(body, report, edition, admin));
            boolean zh = edition.equals("zh-CN");
            assertThat(lines).contains(zh ? "审计记录链头" : "Audit trail chain head", (zh ? "序号 " : "Number ") + seq,
                    (zh ? "哈希值（SHA-256） " : "Hash (SHA-256) ") + made.get("hash").asText());
            // the address may break over two lines, at its hyphen
            assertThat(String.join("", lines)).contains("/api/v1/tenants/" + body.slug() + "/audit-head?seq=" + seq);
        }
        String csv = new String(DisclosureIT.download(body, report, "csv", admin), StandardCharsets.UTF_8);
        assertThat(csv).contains(",report,AUDIT_HEAD,,,seq," + seq + "," + seq + ",",
                ",report,AUDIT_HEAD,,,hash," + made.get("hash").asText() + ",");

        // the body goes on; the report, its files and what the API says of it keep the head it was made at
        byte[] pdf = DisclosureIT.download(body, report, "en", admin);
        Fixtures.submitted(body, Fixtures.report("web", "fraud"));
        Fixtures.sealAudit(body);
        JsonNode published = api().postJson(DisclosureIT.base(body.slug()) + "/" + report.get("id").asText() + "/publish",
                Api.object(), admin).json();
        assertThat(published.get("auditHead")).isEqualTo(made);
        assertThat(DisclosureIT.download(body, report, "en", admin)).isEqualTo(pdf);
        JsonNode listed = api().get(DisclosureIT.publicBase(body.slug()), Api.Call.anonymous()).json().get(0);
        assertThat(listed.get("auditHead")).isEqualTo(made);
        assertThat(head(body.slug(), "").json().get("seq").asLong()).isGreaterThan(seq);
        assertThat(head(body.slug(), "?seq=" + seq).json().get("atSeq").get("hash").asText()).isEqualTo(made.get("hash").asText());
        // the page of reports shows the head each report was made at, and the body's head now
        String page = api().get("/t/" + body.slug() + "/disclosures?lang=en", Api.Call.anonymous()).body();
        assertThat(page).contains("Audit chain head when made: record " + seq, made.get("hash").asText(), latest(body).hash());
        // nor can the archived head be changed afterwards, even by the database's owner
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("update disclosure_reports set "
                    + "audit_head_seq = audit_head_seq + 1 where id = '" + report.get("id").asText() + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("unchanged");
        }
    }

    @Test
    void thePageOfReportsChecksAKeptHeadAndMarksWhatItCannotCheck() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.sealAudit(body);
        Stored kept = latest(body);
        Fixtures.submitted(body, Fixtures.report("web", "fraud"));
        Fixtures.sealAudit(body);
        String page = "/t/" + body.slug() + "/disclosures?lang=en";
        // pasted as it may come out of a PDF: upper case, broken over lines
        String pasted = URLEncoder.encode(kept.hash().toUpperCase().substring(0, 32) + "\n " + kept.hash().substring(32),
                StandardCharsets.UTF_8);
        Api.Response same = api().get(page + "&seq=" + kept.seq() + "&hash=" + pasted, Api.Call.anonymous());
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body()).contains("It is the hash you kept: the audit trail up to record " + kept.seq(),
                "data-head=\"hash\">" + latest(body).hash());
        Api.Response onlySeq = api().get(page + "&seq=" + kept.seq(), Api.Call.anonymous());
        assertThat(onlySeq.body()).contains("data-head=\"atSeq\">" + kept.hash()).doesNotContain("hash you kept:");
        Api.Response other = api().get(page + "&seq=" + kept.seq() + "&hash=" + "ab".repeat(32), Api.Call.anonymous());
        assertThat(other.body()).contains("It is not the hash you kept");
        record Bad(String query, String field, String message) {
        }
        for (Bad bad : List.of(new Bad("&seq=abc", "seq", "a whole number from 1"),
                new Bad("&seq=999999", "seq", "the head is record " + latest(body).seq()),
                new Bad("&hash=" + kept.hash(), "seq", "Give the number you kept as well"),
                new Bad("&seq=1&hash=xyz", "hash", "64 hexadecimal characters"))) {
            Api.Response refused = api().get(page + bad.query(), Api.Call.anonymous());
            assertThat(refused.status()).as(bad.query()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"" + bad.field() + "-error\"", bad.message(),
                    "aria-describedby=\"" + bad.field() + "-error\" aria-invalid=\"true\"")
                    .doesNotContain("hash you kept:");
        }
        assertThat(api().get("/t/" + body.slug() + "/disclosures?seq=abc", Api.Call.anonymous()).body())
                .contains("序号应为从 1 起的整数");
    }

    private static Api.Response head(String slug, String query) {
        return api().get("/api/v1/tenants/" + slug + "/audit-head" + query, Api.Call.anonymous());
    }

    private static void assertHead(JsonNode head, Fixtures.TestTenant body, Stored latest) {
        assertThat(head.get("tenant").asText()).isEqualTo(body.slug());
        assertThat(head.get("seq").asLong()).isEqualTo(latest.seq());
        assertThat(head.get("hash").asText()).isEqualTo(latest.hash()).matches("[0-9a-f]{64}");
        assertThat(Instant.parse(head.get("occurredAt").asText())).isEqualTo(latest.occurredAt());
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    private static Stored latest(Fixtures.TestTenant body) throws SQLException {
        return query(body, "and seq is not null order by seq desc limit 1", null);
    }

    private static Stored stored(Fixtures.TestTenant body, long seq) throws SQLException {
        return query(body, "and seq = ?", seq);
    }

    private static Stored query(Fixtures.TestTenant body, String rest, Long seq) throws SQLException {
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("select seq, encode(hash, 'hex'), occurred_at from audit_events "
                     + "where tenant_id = ?::uuid " + rest)) {
            s.setString(1, body.id());
            if (seq != null) {
                s.setLong(2, seq);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Stored(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant());
            }
        }
    }

    /**
     * What a rewrite of the trail leaves behind: changing event {@code from} changes its hash and, through the chain,
     * every hash after it; here the stored hashes are replaced as such a rewrite would leave them (the trigger that
     * lets an event be sealed only once switched off by the database's owner).
     */
    private static void rewriteFrom(Fixtures.TestTenant body, long from) throws SQLException {
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_events disable trigger audit_events_sealed_once");
            try {
                s.executeUpdate("update audit_events set hash = sha256(hash || 'rewritten'::bytea) where tenant_id = '"
                        + body.id() + "' and seq >= " + from);
            } finally {
                s.execute("alter table audit_events enable trigger audit_events_sealed_once");
            }
        }
    }
}
