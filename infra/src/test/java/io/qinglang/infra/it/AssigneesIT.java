package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.platform.cases.application.Assignees;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

/** Cases assigned by the staff list's account id or by user name, and whom an assignment form offers. */
class AssigneesIT {

    static CaseHandlingIT.Desk desk;
    static CaseHandlingIT.Desk other;

    /** A handler a tenant admin deactivated. */
    static String zhaoId;

    @BeforeAll
    static void desksAndADeactivatedHandler() {
        desk = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        other = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        desk.tenant().staffToken("zhao", "handler");
        zhaoId = userId(desk, username("zhao", desk));
        Api.Response deactivated = api().postJson("/api/v1/tenants/" + desk.tenant().slug() + "/staff/" + zhaoId
                + "/deactivate", "", new Api.Call().bearer(desk.tenant().adminToken()));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
    }

    private static String username(String name, CaseHandlingIT.Desk at) {
        return name + "@" + at.tenant().slug() + ".example";
    }

    /** The account id the tenant's staff list gives the member with this user name. */
    private static String userId(CaseHandlingIT.Desk at, String username) {
        Api.Response staff = api().get("/api/v1/tenants/" + at.tenant().slug() + "/staff",
                new Api.Call().bearer(at.tenant().adminToken()));
        assertThat(staff.status()).as(staff.body()).isEqualTo(200);
        for (JsonNode member : staff.json()) {
            if (member.get("username").asText().equals(username)) {
                return member.get("userId").asText();
            }
        }
        throw new AssertionError(username + " is not on the staff list: " + staff.body());
    }

    private static String accepted() {
        String id = desk.submit().id();
        desk.step(id, "accept", body());
        return id;
    }

    @Test
    void aCaseIsAssignedByAccountIdOrUserNameAndKeepsTheUserName() {
        String reviewer = username("handler2", desk);
        String byId = accepted();
        JsonNode assigned = desk.step(byId, "assign", body().put("assignee", userId(desk, reviewer)));
        assertThat(assigned.get("handling").get("assignee").asText()).isEqualTo(reviewer);
        assertThat(assigned.get("summary").get("assignee").asText()).isEqualTo(reviewer);
        assertThat(CaseHandlingIT.types(assigned)).contains("ASSIGNED");

        String byName = accepted();
        JsonNode named = desk.step(byName, "assign", body().put("assignee", " " + reviewer + " "));
        assertThat(named.get("handling").get("assignee").asText()).isEqualTo(reviewer);

        Api.Response mine = api().get(desk.cases() + "?assignee=" + reviewer + "&limit=100", new Api.Call().bearer(desk.reviewer()));
        assertThat(mine.json().get("items").findValuesAsText("id")).containsExactlyInAnyOrder(byId, byName);
    }

    @Test
    void noOneButAnActiveHandlerOrSupervisorOfTheTenantIsAssigned() {
        String id = accepted();
        long version = desk.detail(id).get("version").asLong();

        List<String> refused = List.of(UUID.randomUUID().toString(), userId(other, username("handler", other)),
                username("handler", other), zhaoId, username("zhao", desk), userId(desk, desk.tenant().adminEmail()));
        for (String assignee : refused) {
            Api.Response response = desk.act(desk.handler(), id, "assign", version, body().put("assignee", assignee));
            assertThat(response.status()).as(assignee + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("pointer")).as(assignee).containsExactly("/assignee");
        }
        assertThat(desk.detail(id).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void theFormOffersActiveCaseStaffAndActiveDepartments() {
        String slug = desk.tenant().slug();
        Api.Call admin = new Api.Call().bearer(desk.tenant().adminToken());
        String departments = "/api/v1/tenants/" + slug + "/departments/";
        assertThat(api().putJson(departments + "review", body().put("nameZh", "复核科").put("nameEn", "Review"), admin)
                .status()).isEqualTo(200);
        assertThat(api().putJson(departments + "archive", body().put("nameZh", "档案科").put("nameEn", "Archive")
                .put("active", false), admin).status()).isEqualTo(200);
        String supervisorId = userId(desk, username("supervisor", desk));
        Api.Response placed = api().putJson("/api/v1/tenants/" + slug + "/staff/" + supervisorId + "/departments",
                body().set("departments", Api.JSON.createArrayNode().add("review")), admin);
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);

        Assignees.Options options = CDI.current().select(Assignees.class).get().options(slug);

        assertThat(options.staff()).extracting(Assignees.Assignee::username).contains(username("handler", desk),
                username("handler2", desk), username("supervisor", desk))
                .doesNotContain(desk.tenant().adminEmail(), username("zhao", desk));
        Assignees.Assignee supervisor = options.staff().stream()
                .filter(a -> a.username().equals(username("supervisor", desk))).findFirst().orElseThrow();
        assertThat(supervisor.userId()).isEqualTo(supervisorId);
        assertThat(supervisor.roles()).containsExactly("supervisor");
        assertThat(supervisor.displayName()).isEqualTo("Test supervisor");
        assertThat(supervisor.departments()).containsExactly("review");
        assertThat(options.departments()).containsExactly(new Assignees.DepartmentOption("review", "复核科", "Review"));
    }
}
