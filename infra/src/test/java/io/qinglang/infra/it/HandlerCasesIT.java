package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.security.Security;
import io.qinglang.infra.identity.CachedTokenCheck;
import io.qinglang.infra.identity.CachedTokenCheckExtension;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

class HandlerCasesIT {

    static Fixtures.TestTenant tenant;
    static String handler;
    static String supervisor;
    static List<String> references = new ArrayList<>();

    @BeforeAll
    static void casesAndStaff() {
        tenant = onboard("INTERNET_CONTENT");
        handler = tenant.staffToken("handler");
        supervisor = tenant.staffToken("supervisor");
        for (String category : List.of("fraud", "gambling", "fraud", "minors", "fraud")) {
            ObjectNode report = report("web", category);
            report.withObject("subject").put("value", "https://seed-" + category + ".example/" + references.size());
            references.add(submitted(tenant, report).get("reference").asText());
        }
    }

    @Test
    void handlersListCasesNewestFirstAndFilterThem() {
        JsonNode all = list("?limit=100&q=seed-");
        assertThat(all.get("items").findValuesAsText("reference")).containsExactlyElementsOf(reversed(references));
        assertThat(list("?category=fraud").get("items")).hasSize(3);
        assertThat(list("?urgent=true").get("items").findValuesAsText("category")).containsExactly("minors");
        assertThat(list("?status=RECEIVED&status=CLOSED&q=seed-").get("items")).hasSize(5);
        assertThat(list("?status=CLOSED").get("items")).isEmpty();
        assertThat(list("?q=SEED-GAMBLING").get("items").findValuesAsText("reference")).containsExactly(references.get(1));
        assertThat(list("?q=" + references.get(3)).get("items")).hasSize(1);
        assertThat(list("?q=%25").get("items")).isEmpty();
    }

    @Test
    void cursorsWalkEveryCaseExactlyOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = list("?limit=2&q=seed-" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.get("items").findValuesAsText("reference"));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(reversed(references));
    }

    @Test
    void theDetailShowsTheInternalTimelineButNotTheIdentity() {
        ObjectNode confidential = report("web", "privacy").put("anonymity", "CONFIDENTIAL");
        confidential.putObject("reporter").put("name", "李四");
        String code = submitted(tenant, confidential).get("receiptCode").asText();
        api().postJson("/api/v1/tenants/" + tenant.slug() + "/tracking/information",
                Api.object().put("receiptCode", code).put("message", "补充"), Api.Call.anonymous());
        String id = list("?category=privacy").get("items").get(0).get("id").asText();

        Api.Response detail = api().get(path(id), new Api.Call().bearer(handler));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("reporterIdentityOnFile").asBoolean()).isTrue();
        assertThat(detail.json().get("timeline").findValuesAsText("type")).containsExactly("RECEIVED", "INFORMATION_ADDED");
        assertThat(detail.body()).doesNotContain("李四");
    }

    @Test
    void onlyASupervisorWithAReasonOpensTheIdentityAndTheViewIsAudited() {
        ObjectNode named = report("web", "harassment").put("anonymity", "NAMED");
        named.putObject("reporter").put("name", "王五").put("idNumber", "110101199001011234");
        named.putObject("contact").put("phone", "+86 138 0000 0000");
        submitted(tenant, named);
        String id = list("?category=harassment").get("items").get(0).get("id").asText();

        Api.Response byHandler = api().postJson(path(id) + "/identity-views",
                Api.object().put("reason", "Need to call the reporter back"), new Api.Call().bearer(handler));
        Api.Response withoutReason = api().postJson(path(id) + "/identity-views", Api.object().put("reason", "why"),
                new Api.Call().bearer(supervisor));
        Api.Response opened = api().postJson(path(id) + "/identity-views",
                Api.object().put("reason", "Police request no. 2026-17 for the witness statement"),
                new Api.Call().bearer(supervisor));

        assertThat(byHandler.status()).isEqualTo(403);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("errors").findValuesAsText("pointer")).containsExactly("/reason");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("identity").asText()).contains("王五", "110101199001011234");
        assertThat(opened.json().get("contact").asText()).contains("+86 138 0000 0000");
        assertThat(Fixtures.auditReasons(tenant, "IDENTITY_VIEWED"))
                .containsExactly("Police request no. 2026-17 for the witness statement");
        Fixtures.sealAudit(tenant);
        assertThat(api().get("/api/v1/tenants/" + tenant.slug() + "/audit/verification",
                new Api.Call().bearer(supervisor)).json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void badQueriesOtherTenantsAndUnknownCasesAreRefused() {
        Api.Response bad = api().get("/api/v1/tenants/" + tenant.slug()
                + "/cases?status=LOST&limit=1000&cursor=nonsense&receivedFrom=yesterday&urgent=maybe", new Api.Call().bearer(handler));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("pointer")).contains("/query/status", "/query/limit",
                "/query/cursor", "/query/receivedFrom", "/query/urgent");

        Fixtures.TestTenant other = onboard("INTERNET_CONTENT");
        assertThat(api().get("/api/v1/tenants/" + tenant.slug() + "/cases", new Api.Call().bearer(other.adminToken()))
                .status()).isEqualTo(403);
        assertThat(api().get(path("00000000-0000-0000-0000-000000000000"), new Api.Call().bearer(handler)).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/tenants/" + tenant.slug() + "/cases", Api.Call.anonymous()).status()).isEqualTo(401);
    }

    @Test
    void aTokenAcceptedOnceIsRememberedButACopyWithOtherClaimsIsRefused() throws Exception {
        Security security = CDI.current().select(Security.class).get();
        assertThat(security.resolveAtnProvider(CachedTokenCheckExtension.PROVIDER_NAME)).get()
                .isInstanceOf(CachedTokenCheck.class);
        list("");
        list("");
        String[] parts = handler.split("\\.");
        ObjectMapper json = new ObjectMapper();
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.putArray("groups").add("supervisor");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims));
        String elevated = parts[0] + "." + payload + "." + parts[2];
        assertThat(api().get("/api/v1/tenants/" + tenant.slug() + "/cases", new Api.Call().bearer(elevated)).status())
                .isEqualTo(401);
        assertThat(list("").get("items")).isNotEmpty();
    }

    private static JsonNode list(String query) {
        Api.Response response = api().get("/api/v1/tenants/" + tenant.slug() + "/cases" + query, new Api.Call().bearer(handler));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String path(String caseId) {
        return "/api/v1/tenants/" + tenant.slug() + "/cases/" + caseId;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
