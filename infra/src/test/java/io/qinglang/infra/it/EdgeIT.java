package io.qinglang.infra.it;

import org.junit.jupiter.api.Test;

import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

class EdgeIT {

    @Test
    void healthReportsLiveAndReadyWithTheDatabase() {
        Api.Response ready = api().get("/health/ready", new Api.Call());
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.json().get("checks").findValuesAsText("name")).contains("database");
        assertThat(api().get("/health/live", new Api.Call()).status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesThePublicAndOperatorEndpoints() {
        Api.Response openapi = api().get("/openapi", new Api.Call().header("Accept", "application/json"));
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("Qinglang", "/api/v1/tenants/{tenant}/reports",
                "/api/v1/tenants/{tenant}/tracking", "/api/v1/platform/tenants",
                "/api/v1/tenants/{tenant}/disclosure-reports", "/api/v1/tenants/{tenant}/disclosure-reports/{id}/{edition}",
                "/api/v1/tenants/{tenant}/published-reports", "/api/v1/tenants/{tenant}/audit-head");
    }

    @Test
    void jerseyStaysTheJaxRsRuntimeAfterTheKeycloakAdminClientRan() {
        Fixtures.onboard("INTERNET_CONTENT");
        // keycloak-admin-client brings RESTEasy, which registers its own RuntimeDelegate; classpath order decides.
        assertThat(jakarta.ws.rs.ext.RuntimeDelegate.getInstance().getClass().getName()).startsWith("org.glassfish.jersey");
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerProblems() {
        Api.Response unknown = api().get("/api/v1/nothing-here", new Api.Call());
        Api.Response wrongMethod = api().get("/api/v1/tenants/x/reports", new Api.Call());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
