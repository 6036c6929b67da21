package io.qinglang.infra.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMetricsFilterTest {

    @Test
    void theRouteIsTheApplicationsPathAndTheMatchedTemplatesOutermostFirst() {
        assertThat(RequestMetricsFilter.route("/api/", "/reports", "/v1/tenants/{tenant}"))
                .isEqualTo("/api/v1/tenants/{tenant}/reports");
        assertThat(RequestMetricsFilter.route("/console/", "{id}", "cases/"))
                .isEqualTo("/console/cases/{id}");
        assertThat(RequestMetricsFilter.route("/", "/t/{slug}/report")).isEqualTo("/t/{slug}/report");
    }

    @Test
    void theSiteRootIsASlash() {
        assertThat(RequestMetricsFilter.route("/", "/")).isEqualTo("/");
        assertThat(RequestMetricsFilter.route("/")).isEqualTo("/");
    }
}
