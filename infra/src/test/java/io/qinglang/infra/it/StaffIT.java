package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.infra.dev.ReceivedMail;
import io.qinglang.platform.notifications.domain.StaffDirectory;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.PASSWORD;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff administration against the real Keycloak: invitations, roles, deactivation, departments. */
class StaffIT {

    private static Fixtures.TestTenant tenant;
    private static String admin;
    private static String handler;
    private static String supervisor;

    @BeforeAll
    static void tenant() {
        tenant = Fixtures.onboard("CONSUMER_COMPLAINTS");
        admin = tenant.adminToken();
        handler = tenant.staffToken("handler");
        supervisor = tenant.staffToken("supervisor");
    }

    private static String base() {
        return "/api/v1/tenants/" + tenant.slug();
    }

    private static Api.Call asAdmin() {
        return new Api.Call().bearer(admin);
    }

    private static String email(String name) {
        return name + "@" + tenant.slug() + ".example";
    }

    private static ObjectNode invitation(String name, String... roles) {
        ObjectNode body = body().put("email", email(name)).put("firstName", "Xiao").put("lastName", name);
        var list = body.putArray("roles");
        for (String role : roles) {
            list.add(role);
        }
        return body;
    }

    private static JsonNode invite(ObjectNode invitation) {
        Api.Response response = api().postJson(base() + "/staff", invitation, asAdmin());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** The invited person follows the e-mail, sets their password and signs in. */
    private static String signedIn(String name) {
        Fixtures.activateUser(email(name));
        return api().freshToken(email(name), PASSWORD);
    }

    private static int listCases(String token) {
        return api().get(base() + "/cases", new Api.Call().bearer(token)).status();
    }

    private static int verifyAudit(String token) {
        return api().get(base() + "/audit/verification", new Api.Call().bearer(token)).status();
    }

    @Test
    void anInvitedMemberIsInTheOrganizationWithTheRoleAndGetsAnInvitation() {
        JsonNode invited = invite(invitation("li", "handler"));
        assertThat(invited.get("roles").toString()).isEqualTo("[\"handler\"]");
        assertThat(invited.get("enabled").asBoolean()).isTrue();

        StaffDirectory directory = CDI.current().select(StaffDirectory.class).get();
        StaffDirectory.Member member = directory.member(tenant.organizationId(), email("li")).orElseThrow();
        assertThat(member.userId()).isEqualTo(invited.get("userId").asText());
        assertThat(member.roles()).containsExactly("handler");
        ReceivedMail mail = OnboardingIT.invitationTo(email("li"));
        assertThat(mail).as("invitation e-mail").isNotNull();

        Api.Response resent = api().postJson(base() + "/staff/" + invited.get("userId").asText() + "/invitation", "",
                asAdmin());
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(platform().environment().mail().receivedMessages().stream()
                .filter(m -> m.to().contains(email("li"))).count()).as("the invitation, sent again").isEqualTo(2);

        assertThat(listCases(signedIn("li"))).isEqualTo(200);
        JsonNode staff = api().get(base() + "/staff", asAdmin()).json();
        assertThat(staff.findValuesAsText("username")).contains(email("li"), tenant.adminEmail());
        assertThat(Fixtures.auditDetails(tenant, "STAFF_INVITED")).anySatisfy(d -> assertThat(d)
                .contains(email("li"), "handler"));
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextToken() {
        String userId = invite(invitation("wang", "handler")).get("userId").asText();
        String before = signedIn("wang");
        assertThat(verifyAudit(before)).as("a handler may not verify the audit trail").isEqualTo(403);

        Api.Response changed = api().putJson(base() + "/staff/" + userId + "/roles",
                body().set("roles", Api.object().putArray("r").add("supervisor")), asAdmin());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"supervisor\"]");

        assertThat(verifyAudit(before)).as("the old token still carries the old role").isEqualTo(403);
        assertThat(verifyAudit(api().freshToken(email("wang"), PASSWORD))).isEqualTo(200);
        assertThat(Fixtures.auditDetails(tenant, "STAFF_ROLES_CHANGED")).anySatisfy(d -> assertThat(d)
                .contains("\"from\":[\"handler\"]", "\"to\":[\"supervisor\"]"));
    }

    @Test
    void aDeactivatedMemberIsRefusedAtOnceAndCannotSignInUntilReactivated() {
        String userId = invite(invitation("zhao", "handler")).get("userId").asText();
        String token = signedIn("zhao");
        assertThat(listCases(token)).isEqualTo(200);

        Api.Response deactivated = api().postJson(base() + "/staff/" + userId + "/deactivate", "", asAdmin());
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("enabled").asBoolean()).isFalse();
        assertThat(deactivated.json().hasNonNull("deactivatedAt")).isTrue();

        Api.Response refused = api().get(base() + "/cases", new Api.Call().bearer(token));
        assertThat(refused.status()).as("a token issued before is refused too").isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("STAFF_DEACTIVATED");
        assertThat(api().signIn(email("zhao"), PASSWORD).status()).as("no new token").isBetween(400, 401);

        Api.Response reactivated = api().postJson(base() + "/staff/" + userId + "/reactivate", "", asAdmin());
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        assertThat(listCases(api().freshToken(email("zhao"), PASSWORD))).isEqualTo(200);
        assertThat(Fixtures.auditReasons(tenant, "STAFF_DEACTIVATED")).hasSize(1);
    }

    @Test
    void departmentsGroupStaffForRouting() {
        Api.Response saved = api().putJson(base() + "/departments/price-supervision",
                body().put("nameZh", "价格监管科").put("nameEn", "Price supervision"), asAdmin());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        ObjectNode withDepartment = invitation("sun", "handler");
        withDepartment.putArray("departments").add("price-supervision");
        invite(withDepartment);

        JsonNode departments = api().get(base() + "/departments", new Api.Call().bearer(handler))
                .json();
        assertThat(departments.get(0).get("code").asText()).isEqualTo("price-supervision");
        assertThat(departments.get(0).get("members").toString()).contains(email("sun"));
        String reference = Fixtures.submitted(tenant, Fixtures.report("web", "price")).get("reference").asText();
        Api.Call asHandler = new Api.Call().bearer(handler);
        String caseId = api().get(base() + "/cases?q=" + reference, asHandler).json().get("items").get(0).get("id").asText();
        long version = api().get(base() + "/cases/" + caseId, asHandler).json().get("version").asLong();
        Api.Response nowhere = api().postJson(base() + "/cases/" + caseId + "/assign", body().put("department", "nowhere"),
                new Api.Call().bearer(handler).header("If-Match", "\"" + version + "\""));
        assertThat(nowhere.status()).as("once departments exist, a case goes to one of them").isEqualTo(400);
        assertThat(nowhere.json().get("errors").findValuesAsText("pointer")).containsExactly("/department");
        Api.Response routed = api().postJson(base() + "/cases/" + caseId + "/assign", body().put("department", "price-supervision"),
                new Api.Call().bearer(handler).header("If-Match", "\"" + version + "\""));
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);

        Api.Response stale = api().putJson(base() + "/departments/price-supervision",
                body().put("nameZh", "价格科").put("nameEn", "Prices"), asAdmin().header("If-Match", "\"99\""));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void badOrForbiddenStaffChangesAreRefusedAndChangeNothing() {
        Fixtures.TestTenant other = Fixtures.onboard("INTERNET_CONTENT");
        String othersHandler = "handler@" + other.slug() + ".example";
        other.staffToken("handler");
        JsonNode staff = api().get(base() + "/staff", asAdmin()).json();
        String adminId = null;
        for (JsonNode member : staff) {
            if (member.get("username").asText().equals(tenant.adminEmail())) {
                adminId = member.get("userId").asText();
            }
        }
        String othersAdminId = api().get("/api/v1/tenants/" + other.slug() + "/staff",
                new Api.Call().bearer(other.adminToken())).json().get(0).get("userId").asText();
        String before = api().get(base() + "/staff", asAdmin()).body();
        long audited = Fixtures.rows("audit_events", tenant.id());

        record Bad(String method, String path, Object body, int status, String codeOrPointers) {
        }
        ObjectNode unknownDepartment = invitation("zhou", "handler");
        unknownDepartment.putArray("departments").add("no-such-department");
        List<Bad> bad = List.of(
                new Bad("POST", "/staff", invitation("x", "handler").put("email", "not-an-address"), 400, "/email"),
                new Bad("POST", "/staff", invitation("x"), 400, "/roles"),
                new Bad("POST", "/staff", invitation("x", "god"), 400, "/roles/0"),
                new Bad("POST", "/staff", invitation("x", "handler", "handler"), 400, "/roles/1"),
                new Bad("POST", "/staff", invitation("x", "handler").put("firstName", " "), 400, "/firstName"),
                new Bad("POST", "/staff", unknownDepartment, 400, "/departments/0"),
                new Bad("POST", "/staff", invitation("admin", "handler"), 409, "STAFF_ALREADY_MEMBER"),
                new Bad("POST", "/staff", invitation("x", "handler").put("email", othersHandler), 409, "ACCOUNT_EXISTS"),
                new Bad("PUT", "/staff/" + adminId + "/roles", body().set("roles", Api.object().putArray("r").add("handler")),
                        409, "CANNOT_LOCK_YOURSELF_OUT"),
                new Bad("POST", "/staff/" + adminId + "/deactivate", "", 409, "CANNOT_LOCK_YOURSELF_OUT"),
                new Bad("POST", "/staff/" + othersAdminId + "/deactivate", "", 404, "STAFF_NOT_FOUND"),
                new Bad("PUT", "/staff/" + othersAdminId + "/roles", body().set("roles", Api.object().putArray("r").add("handler")),
                        404, "STAFF_NOT_FOUND"),
                new Bad("PUT", "/departments/Bad_Code", body().put("nameZh", "x").put("nameEn", "x"), 400, "/code"));
        for (Bad b : bad) {
            Api.Response response = api().send(b.method(), base() + b.path(), b.body(), "application/json", asAdmin());
            assertThat(response.status()).as(b.method() + " " + b.path() + " " + b.body() + ": " + response.body())
                    .isEqualTo(b.status());
            assertThat(response.contentType()).startsWith("application/problem+json");
            if (b.codeOrPointers().startsWith("/")) {
                assertThat(response.json().get("errors").findValuesAsText("pointer")).containsExactly(b.codeOrPointers());
            } else {
                assertThat(response.json().get("code").asText()).isEqualTo(b.codeOrPointers());
            }
        }
        for (String token : List.of(handler, supervisor, other.adminToken())) {
            Api.Call call = new Api.Call().bearer(token);
            assertThat(api().postJson(base() + "/staff", invitation("y", "handler"), call).status()).isEqualTo(403);
            assertThat(api().get(base() + "/staff", call).status()).isEqualTo(403);
        }
        assertThat(api().get(base() + "/staff", Api.Call.anonymous()).status()).isEqualTo(401);
        assertThat(api().get(base() + "/staff", asAdmin()).body()).isEqualTo(before);
        assertThat(Fixtures.rows("audit_events", tenant.id())).isEqualTo(audited);
    }
}
