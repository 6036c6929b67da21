package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qinglang.infra.it.FuzzPlan.Caller;
import io.qinglang.infra.it.FuzzPlan.Request;
import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.admin.console.application.ConsoleSessions;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 5: over 10,000 requests made from the OpenAPI document with a fixed seed — every operation, valid
 * and broken bodies, path values, query values and headers, from every kind of caller — get no 5xx, and every error
 * of the API is a problem. Afterwards every tenant's audit chain verifies, and the tenant that only ever received
 * requests refused by construction holds exactly the rows it held before. A failure prints the requests that
 * failed; {@code -Dqinglang.fuzz.seed=} replays a run.
 */
class FuzzIT {

    private static final long SEED = Long.getLong("qinglang.fuzz.seed", 20_261_207L);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void thousandsOfRequestsFromTheOpenApiDocumentGetNoServerErrorAndRefusalsWriteNothing() {
        System.out.println("[fuzz] seed " + SEED + " (replay with -Dqinglang.fuzz.seed=" + SEED + ")");
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.TestTenant untouched = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.TestTenant operated = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.TestTenant other = Fixtures.onboard("CONSUMER_COMPLAINTS");
        FuzzPlan.Targets targets = targets(body, untouched, operated, other);
        Map<String, String> before = TableDigests.of(untouched.id());

        JsonNode document = api().get("/openapi", new Api.Call().header("Accept", "application/json")).json();
        List<Request> requests = new FuzzPlan(new OpenApiOperations(document), targets, SEED).requests();
        Instant began = Instant.now();
        List<FuzzSender.Answer> answers = new FuzzSender(api().base(), 8).sendAll(requests);
        System.out.println("[fuzz] " + answers.size() + " requests in "
                + Duration.between(began, Instant.now()).toSeconds() + " s");

        assertThat(answers).hasSizeGreaterThanOrEqualTo(10_000);
        FuzzFindings findings = new FuzzFindings(answers);
        System.out.println("[fuzz] statuses " + findings.summary());
        assertThat(findings.serverErrors()).as("requests answered 5xx").isEmpty();
        assertThat(findings.errorsThatAreNoProblem()).as("API errors that are not application/problem+json").isEmpty();
        assertThat(findings.refusalsAccepted()).as("requests to the untouched tenant that were not refused").isEmpty();
        for (Fixtures.TestTenant tenant : List.of(body, untouched, operated, other)) {
            assertThat(CDI.current().select(AuditTrail.class).get().verify(new TenantId(UUID.fromString(tenant.id())))
                    .intact()).as("the audit chain of " + tenant.slug()).isTrue();
        }
        assertThat(TableDigests.of(untouched.id())).as("the rows of the tenant that only refused").isEqualTo(before);
    }

    /** The tenants' callers and the values the plan puts in paths and bodies: real slugs, case ids, a staff id. */
    private static FuzzPlan.Targets targets(Fixtures.TestTenant body, Fixtures.TestTenant untouched,
                                            Fixtures.TestTenant operated, Fixtures.TestTenant other) {
        FuzzPlan.Staff theirs = staff(untouched);
        FuzzPlan.Staff staff = staff(body);
        body.staffToken("bystander", "handler");
        JsonNode members = api().get("/api/v1/tenants/" + body.slug() + "/staff", new Api.Call().bearer(body.adminToken())).json();
        staff = new FuzzPlan.Staff(signedIn(staff.admin(), body, members, "admin@"),
                signedIn(staff.handler(), body, members, "handler@"), signedIn(staff.supervisor(), body, members, "supervisor@"));
        JsonNode receipt = Fixtures.submitted(body, report("web", "gambling"));
        Fixtures.platform().remember(receipt.get("receiptCode").asText());
        for (int i = 0; i < 3; i++) {
            Fixtures.platform().remember(Fixtures.submitted(body, report("web", "gambling")).get("receiptCode").asText());
        }
        String cases = "/api/v1/tenants/" + body.slug() + "/cases";
        List<String> caseIds = ids(api().get(cases, new Api.Call().bearer(body.tokenOf("handler"))).json().get("items"), "id");
        String admin = body.adminToken();
        List<String> configIds = new ArrayList<>(ids(api().get("/api/v1/tenants/" + body.slug()
                + "/configuration/deadline-policies", new Api.Call().bearer(admin)).json(), "id"));
        configIds.add(UUID.randomUUID().toString());
        Map<String, List<String>> pathValues = new LinkedHashMap<>();
        pathValues.put("tenant", List.of(body.slug()));
        pathValues.put("caseId", caseIds);
        pathValues.put("userId", List.of(member(members, "bystander@").path("userId").asText())); // not a caller
        pathValues.put("id", configIds);
        pathValues.put("requestId", List.of(UUID.randomUUID().toString()));
        pathValues.put("evidenceId", List.of(UUID.randomUUID().toString()));
        pathValues.put("code", List.of("gambling", "web", "fuzz"));
        pathValues.put("year", List.of("2027"));
        pathValues.put("period", List.of("2026-01", "2026-Q1", "2026"));
        pathValues.put("edition", List.of("zh", "en"));
        pathValues.put("step", List.of("accept", "assign", "deactivate", "approve"));
        pathValues.put("answer", List.of("accept", "reject"));
        pathValues.put("change", List.of("suspend", "reactivate"));
        pathValues.put("file", List.of("console.css", "reports.js"));
        Map<String, JsonNode> known = known(body, other, receipt.get("receiptCode").asText(), caseIds);
        Caller anonymous = new Caller("anonymous", Map.of(), null);
        return new FuzzPlan.Targets(body.slug(), untouched.slug(), operated.slug(), pathValues, known::get, anonymous,
                staff, session(Caller.bearer("operator", api().operatorToken()), null, "operator", "operator",
                Set.of("platform-admin")),
                FuzzPlan.Caller.bearer("another tenant's admin", other.adminToken()), theirs);
    }

    /** The caller with a console session too, opened as signing in would open it. */
    private static Caller signedIn(Caller caller, Fixtures.TestTenant tenant, JsonNode members, String username) {
        JsonNode member = member(members, username);
        return session(caller, tenant.slug(), member.path("userId").asText(), member.path("username").asText(),
                Set.copyOf(ids(member.path("roles"), null)));
    }

    private static Caller session(Caller caller, String tenant, String userId, String username, Set<String> roles) {
        String csrf = ConsoleSessions.randomKey();
        String key = CDI.current().select(ConsoleSessions.class).get().open(new ConsoleSession(tenant, userId, username,
                "Fuzz", roles, null, csrf, Instant.now()));
        return caller.withSession(key, csrf);
    }

    private static JsonNode member(JsonNode members, String usernamePrefix) {
        return StreamSupport.stream(members.spliterator(), false)
                .filter(m -> m.path("username").asText().startsWith(usernamePrefix)).findFirst().orElseThrow();
    }

    private static FuzzPlan.Staff staff(Fixtures.TestTenant tenant) {
        return new FuzzPlan.Staff(Caller.bearer("admin of " + tenant.slug(), tenant.adminToken()),
                Caller.bearer("handler of " + tenant.slug(), tenant.staffToken("handler")),
                Caller.bearer("supervisor of " + tenant.slug(), tenant.staffToken("supervisor")));
    }

    /** Values the product accepts for fields of these names; the rest is filled from the schema. */
    private static Map<String, JsonNode> known(Fixtures.TestTenant body, Fixtures.TestTenant other, String receipt,
                                               List<String> caseIds) {
        Map<String, JsonNode> known = new LinkedHashMap<>();
        known.put("channel", NODES.textNode("web"));
        known.put("category", NODES.textNode("gambling"));
        known.put("anonymity", NODES.textNode("ANONYMOUS"));
        known.put("reporter", NODES.nullNode());
        known.put("contact", NODES.nullNode());
        known.put("type", NODES.textNode("URL"));
        known.put("value", NODES.textNode("https://gambling.example/fuzz"));
        known.put("receiptCode", NODES.textNode(receipt));
        known.put("email", NODES.textNode("fuzz-" + UUID.randomUUID().toString().substring(0, 6) + "@" + body.slug() + ".example"));
        known.put("contactEmail", NODES.textNode("contact@fuzz.example"));
        known.put("slug", NODES.textNode(Fixtures.uniqueSlug("fz")));
        known.put("template", NODES.textNode("INTERNET_CONTENT"));
        known.put("timeZone", NODES.textNode("Asia/Shanghai"));
        known.put("firstName", NODES.textNode("Fuzz"));
        known.put("lastName", NODES.textNode("Tester"));
        known.put("roles", NODES.arrayNode().add("handler"));
        known.put("passphrase", NODES.textNode("correct horse battery staple 2026"));
        known.put("toTenant", NODES.textNode(other.slug()));
        known.put("leadCaseId", NODES.textNode(caseIds.getFirst()));
        known.put("period", NODES.textNode("2026-01"));
        return known;
    }

    private static List<String> ids(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> field == null ? item.asText() : item.path(field).asText()).toList();
    }
}
