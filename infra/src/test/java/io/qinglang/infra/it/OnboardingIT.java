package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.infra.dev.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.onboarding;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.rows;
import static io.qinglang.infra.it.Fixtures.submit;
import static io.qinglang.infra.it.Fixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

class OnboardingIT {

    @ParameterizedTest
    @CsvSource({"INTERNET_CONTENT, 5, 12, 0, HOURS", "CONSUMER_COMPLAINTS, 4, 7, 7, WORKING_DAYS",
            "EU_WHISTLEBLOWING, 4, 8, 7, CALENDAR_DAYS"})
    void onboardingSeedsTheTemplateAndInvitesTheFirstAdmin(String template, int channels, int categories,
                                                           int acknowledgeAmount, String acknowledgeUnit) {
        Fixtures.TestTenant tenant = onboard(template);

        JsonNode configuration = api().get("/api/v1/tenants/" + tenant.slug() + "/configuration",
                new Api.Call().bearer(tenant.adminToken())).json();
        assertThat(configuration.get("channels")).hasSize(channels);
        assertThat(configuration.get("categories")).hasSize(categories);
        assertThat(configuration.get("calendarYears").toString()).isEqualTo("[2025,2026]");
        JsonNode acknowledge = find(configuration.get("policies"), "ACKNOWLEDGE");
        assertThat(acknowledge.get("amount").asInt()).isEqualTo(acknowledgeAmount);
        assertThat(acknowledge.get("unit").asText()).isEqualTo(acknowledgeUnit);
        assertThat(rows("calendar_days", tenant.id())).isEqualTo(72);
        assertThat(invitationTo(tenant.adminEmail())).as("invitation e-mail").isNotNull();
    }

    @Test
    void theOperatorListsLooksAtSuspendsAndReactivatesTenants() {
        Fixtures.TestTenant tenant = onboard("INTERNET_CONTENT");
        Api.Call operator = new Api.Call().bearer(api().operatorToken());

        assertThat(api().get("/api/v1/platform/tenants", operator).json().findValuesAsText("slug")).contains(tenant.slug());
        assertThat(api().get("/api/v1/platform/tenants/" + tenant.slug(), operator).json().get("status").asText())
                .isEqualTo("ACTIVE");

        Api.Response suspended = api().postJson("/api/v1/platform/tenants/" + tenant.slug() + "/suspend", "", operator);
        assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED");
        Api.Response refused = submit(tenant, report("web", "gambling"), Api.Call.anonymous());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("TENANT_SUSPENDED");
        assertThat(rows("cases", tenant.id())).isZero();

        api().postJson("/api/v1/platform/tenants/" + tenant.slug() + "/reactivate", "", operator);
        assertThat(submit(tenant, report("web", "gambling"), Api.Call.anonymous()).status()).isEqualTo(201);
    }

    @Test
    void aStatusChangeTakesAnOptionalReasonForTheAuditTrailAndIsNotMadeTwice() {
        Fixtures.TestTenant tenant = onboard("INTERNET_CONTENT");
        Api.Call operator = new Api.Call().bearer(api().operatorToken());
        String suspend = "/api/v1/platform/tenants/" + tenant.slug() + "/suspend";

        Api.Response tooShort = api().postJson(suspend, Api.object().put("reason", "because"), operator);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").findValuesAsText("pointer")).containsExactly("/reason");
        assertThat(api().postJson(suspend, Api.object().put("reason", "Unpaid since March, as agreed with the body."),
                operator).json().get("status").asText()).isEqualTo("SUSPENDED");
        Api.Response again = api().postJson(suspend, "", operator);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("TENANT_STATUS_UNCHANGED");
        assertThat(api().postJson("/api/v1/platform/tenants/" + tenant.slug() + "/reactivate", "", operator).status())
                .isEqualTo(200);
        assertThat(Fixtures.auditReasons(tenant, "TENANT_SUSPENDED"))
                .containsExactly("Unpaid since March, as agreed with the body.");
        assertThat(Fixtures.auditReasons(tenant, "TENANT_REACTIVATED")).containsExactly((String) null);
    }

    @Test
    void aTakenSlugIsRefusedWithConflictAndNothingNewIsCreated() {
        Fixtures.TestTenant tenant = onboard("CONSUMER_COMPLAINTS");
        Api.Response again = api().postJson("/api/v1/platform/tenants", onboarding(tenant.slug(), "CONSUMER_COMPLAINTS"),
                new Api.Call().bearer(api().operatorToken()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("TENANT_SLUG_TAKEN");
    }

    @Test
    void onlyThePlatformOperatorMayOnboard() {
        Fixtures.TestTenant tenant = onboard("EU_WHISTLEBLOWING");
        String slug = uniqueSlug("nope");
        Api.Response asTenantAdmin = api().postJson("/api/v1/platform/tenants", onboarding(slug, "EU_WHISTLEBLOWING"),
                new Api.Call().bearer(tenant.adminToken()));
        Api.Response anonymous = api().postJson("/api/v1/platform/tenants", onboarding(slug, "EU_WHISTLEBLOWING"),
                new Api.Call());
        Api.Response forged = api().postJson("/api/v1/platform/tenants", onboarding(slug, "EU_WHISTLEBLOWING"),
                new Api.Call().bearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbInBsYXRmb3JtLWFkbWluIl19."));

        assertThat(asTenantAdmin.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(List.of(asTenantAdmin, anonymous, forged)).allSatisfy(r ->
                assertThat(r.contentType()).startsWith("application/problem+json"));
        assertThat(api().get("/api/v1/platform/tenants/" + slug, new Api.Call().bearer(api().operatorToken())).status())
                .isEqualTo(404);
    }

    @Test
    void badOnboardingInputIsRefusedNamingEachField() {
        var body = onboarding("X", "NO_SUCH_TEMPLATE");
        body.put("timeZone", "Mars/Olympus");
        body.withObject("admin").put("email", "not-an-address");
        Api.Response response = api().postJson("/api/v1/platform/tenants", body, new Api.Call().bearer(api().operatorToken()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("pointer"))
                .contains("/slug", "/template", "/timeZone", "/admin/email");
    }

    private static JsonNode find(JsonNode policies, String stage) {
        for (JsonNode policy : policies) {
            if (policy.get("stage").asText().equals(stage) && policy.get("category") == null) {
                return policy;
            }
        }
        throw new AssertionError("no " + stage + " policy in " + policies);
    }

    static ReceivedMail invitationTo(String email) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (ReceivedMail mail : platform().environment().mail().receivedMessages()) {
                if (mail.to().contains(email)) {
                    return mail;
                }
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        return null;
    }
}
