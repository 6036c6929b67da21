package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static io.qinglang.infra.it.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

class IntakeAndTrackingIT {

    static Fixtures.TestTenant internet;
    static Fixtures.TestTenant consumer;

    @BeforeAll
    static void tenants() {
        internet = onboard("INTERNET_CONTENT");
        consumer = onboard("CONSUMER_COMPLAINTS");
    }

    @Test
    void anAnonymousReportGetsAReceiptAReferenceAndItsAcknowledgementDeadline() {
        JsonNode receipt = submitted(internet, report("web", "gambling"));

        assertThat(receipt.get("receiptCode").asText()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(receipt.get("claimSecret").asText()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        int year = Instant.parse(receipt.get("receivedAt").asText()).atZone(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(receipt.get("reference").asText()).matches("JB-" + year + "-\\d{6}");
        assertThat(receipt.get("status").asText()).isEqualTo("RECEIVED");
        // Template A acknowledges at once: the deadline is the moment of receipt.
        assertThat(receipt.get("acknowledgeBy").asText()).isEqualTo(receipt.get("receivedAt").asText());
    }

    @Test
    void aConsumerComplaintIsDueForAcceptanceWithinSevenWorkingDays() {
        JsonNode receipt = submitted(consumer, report("web", "price"));
        Instant received = Instant.parse(receipt.get("receivedAt").asText());
        Instant due = Instant.parse(receipt.get("acknowledgeBy").asText());
        assertThat(receipt.get("reference").asText()).startsWith("TS-");
        assertThat(due).isAfter(received.plus(java.time.Duration.ofDays(7)));
        assertThat(due.atZone(ZoneId.of("Asia/Shanghai")).toLocalTime().toString()).isEqualTo("23:59:59");
    }

    /**
     * A node keeps each tenant's working calendar between reports (issue 18); a change of it, committed by any node or
     * straight in the database, moves the tenant's rules version with it, and the next report is due by the new one.
     */
    @Test
    void aCalendarChangeMadeAnywhereCountsForTheNextReportThoughTheCalendarIsKeptBetweenReports() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("CONSUMER_COMPLAINTS");
        Instant before = acknowledgeBy(submitted(body, report("web", "price")));
        assertThat(acknowledgeBy(submitted(body, report("web", "price")))).as("from the kept calendar").isEqualTo(before);
        String holidays = "insert into calendar_days (tenant_id, day, kind, name_zh, name_en) select '" + body.id()
                + "', d::date, 'HOLIDAY', '测试假日', 'Test holiday' from generate_series(current_date + 1, current_date + 14, "
                + "interval '1 day') d where extract(isodow from d) < 6 on conflict (tenant_id, day) do update set kind = 'HOLIDAY'";
        try (java.sql.Connection c = Fixtures.platform().ownerConnection(); var s = c.createStatement()) {
            s.executeUpdate(holidays); // as another node's change, or an operator's by hand: not through this node
        }
        Instant later = acknowledgeBy(submitted(body, report("web", "price")));
        assertThat(later).as("two weeks of holidays push the deadline out").isAfter(before.plus(java.time.Duration.ofDays(10)));
        try (java.sql.Connection c = Fixtures.platform().ownerConnection(); var s = c.createStatement()) {
            s.executeUpdate("delete from calendar_days where tenant_id = '" + body.id() + "' and name_en = 'Test holiday'");
        }
        assertThat(acknowledgeBy(submitted(body, report("web", "price")))).isEqualTo(before);
    }

    private static Instant acknowledgeBy(JsonNode receipt) {
        return Instant.parse(receipt.get("acknowledgeBy").asText());
    }

    @Test
    void referencesCountUpPerTenant() {
        String first = submitted(consumer, report("web", "price")).get("reference").asText();
        String second = submitted(consumer, report("web", "price")).get("reference").asText();
        assertThat(Long.parseLong(second.substring(second.lastIndexOf('-') + 1)))
                .isEqualTo(Long.parseLong(first.substring(first.lastIndexOf('-') + 1)) + 1);
    }

    @Test
    void theReporterTracksTheCaseAddsInformationAndFilesAndDownloadsThem() {
        JsonNode receipt = submitted(internet, report("web", "fraud"));
        String code = receipt.get("receiptCode").asText();

        JsonNode tracked = track(internet, code.toLowerCase().replace("-", " "), Api.Call.anonymous()).json();
        assertThat(tracked.get("reference").asText()).isEqualTo(receipt.get("reference").asText());
        assertThat(tracked.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(tracked.get("timeline")).hasSize(1);

        ObjectNode information = Api.object().put("receiptCode", code).put("message", "又发现了一个网址 / one more URL");
        Api.Response added = api().postMultipart("/api/v1/tenants/" + internet.slug() + "/tracking/information",
                "information", information, List.of(new Api.FilePart("evidence", "截图.png", "image/png", Fixtures.png()),
                        new Api.FilePart("evidence", "contract.pdf", "application/pdf", Fixtures.pdf())),
                Api.Call.anonymous());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode timeline = added.json().get("timeline");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(1).get("message").asText()).isEqualTo("又发现了一个网址 / one more URL");
        assertThat(timeline.get(1).get("files").findValuesAsText("name")).containsExactlyInAnyOrder("截图.png", "contract.pdf");

        String fileId = timeline.get(1).get("files").get(0).get("id").asText();
        Api.Response download = api().postJson("/api/v1/tenants/" + internet.slug() + "/tracking/evidence/" + fileId,
                Api.object().put("receiptCode", code), Api.Call.anonymous());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.bytes()).isIn(List.of(Fixtures.png(), Fixtures.pdf()).toArray());
    }

    @Test
    void aReportWithEvidenceIsStoredSealedAndTheReporterIdentityIsEncrypted() throws Exception {
        ObjectNode named = report("web", "privacy").put("anonymity", "CONFIDENTIAL");
        named.putObject("reporter").put("name", "张三丰").put("idNumber", "110101199003074477");
        named.putObject("contact").put("email", "zhang@example.org");
        Api.Response response = api().remembering(api().postMultipart("/api/v1/tenants/" + internet.slug() + "/reports",
                "report", named, List.of(new Api.FilePart("evidence", "note.txt", "text/plain",
                        "证据 evidence-plaintext-marker".getBytes(StandardCharsets.UTF_8))), Api.Call.anonymous()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String code = response.json().get("receiptCode").asText();

        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("select c.*, ec.sealed from cases c join evidence e on e.case_id = c.id "
                     + "and e.tenant_id = c.tenant_id join evidence_content ec on ec.evidence_id = e.id "
                     + "where c.reference = ?")) {
            s.setString(1, response.json().get("reference").asText());
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                String stored = new String(row.getBytes("sealed_identity"), StandardCharsets.ISO_8859_1)
                        + new String(row.getBytes("sealed_contact"), StandardCharsets.ISO_8859_1)
                        + new String(row.getBytes("sealed"), StandardCharsets.UTF_8);
                assertThat(stored).doesNotContain("110101199003074477", "zhang@example.org", "evidence-plaintext-marker");
                assertThat(row.getBytes("receipt_hash")).hasSize(32);
            }
        }
        try (Connection c = platform().ownerConnection();
             ResultSet dump = c.createStatement().executeQuery("select string_agg(t::text, '') from cases t")) {
            dump.next();
            assertThat(dump.getString(1)).doesNotContain(code, code.replace("-", ""));
        }
    }

    @Test
    void aReceiptOpensOnlyItsOwnCasesFiles() {
        Api.Response withFile = api().remembering(api().postMultipart("/api/v1/tenants/" + internet.slug() + "/reports",
                "report", report("web", "fraud"), List.of(new Api.FilePart("evidence", "a.png", "image/png", Fixtures.png())),
                Api.Call.anonymous()));
        String owner = withFile.json().get("receiptCode").asText();
        String fileId = track(internet, owner, Api.Call.anonymous()).json().get("timeline").get(0).get("files").get(0)
                .get("id").asText();
        String stranger = submitted(internet, report("web", "fraud")).get("receiptCode").asText();

        Api.Response byStranger = api().postJson("/api/v1/tenants/" + internet.slug() + "/tracking/evidence/" + fileId,
                Api.object().put("receiptCode", stranger), Api.Call.anonymous());
        Api.Response atOtherTenant = api().postJson("/api/v1/tenants/" + consumer.slug() + "/tracking/evidence/" + fileId,
                Api.object().put("receiptCode", owner), Api.Call.anonymous());
        Api.Response byOwner = api().postJson("/api/v1/tenants/" + internet.slug() + "/tracking/evidence/" + fileId,
                Api.object().put("receiptCode", owner), Api.Call.anonymous());

        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byStranger.json().get("code").asText()).isEqualTo("EVIDENCE_NOT_FOUND");
        assertThat(atOtherTenant.status()).isEqualTo(404);
        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(byOwner.bytes()).isEqualTo(Fixtures.png());
    }

    @Test
    void aWrongReceiptAndAnUnknownTenantAnswerAlike() {
        submitted(internet, report("web", "fraud"));
        Api.Response wrong = track(internet, "0000-0000-0000-0000", Api.Call.anonymous());
        Api.Response unknownTenant = api().postJson("/api/v1/tenants/no-such-tenant/tracking",
                Api.object().put("receiptCode", "0000-0000-0000-0000"), Api.Call.anonymous());
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(unknownTenant.status()).isEqualTo(404);
        assertThat(withoutTrace(wrong)).isEqualTo(withoutTrace(unknownTenant));
    }

    @Test
    void theReceiptNeverTravelsInAUrl() {
        JsonNode receipt = submitted(internet, report("web", "fraud"));
        Api.Response viaQuery = api().get("/api/v1/tenants/" + internet.slug() + "/tracking?receiptCode="
                + receipt.get("receiptCode").asText(), Api.Call.anonymous());
        assertThat(viaQuery.status()).isEqualTo(405);
    }

    static String withoutTrace(Api.Response response) {
        ObjectNode json = (ObjectNode) response.json();
        json.remove("traceId");
        return json.toString();
    }
}
