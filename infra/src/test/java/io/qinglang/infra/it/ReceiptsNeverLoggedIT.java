package io.qinglang.infra.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static io.qinglang.infra.it.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs last (see junit-platform.properties): every receipt handed out during the run is absent from every log line. */
@Order(Integer.MAX_VALUE)
class ReceiptsNeverLoggedIT {

    @Test
    void noReceiptCodeOrClaimSecretAppearsInAnyLogLine() {
        Fixtures.TestTenant tenant = onboard("INTERNET_CONTENT");
        String code = submitted(tenant, report("web", "fraud")).get("receiptCode").asText();
        track(tenant, code, Api.Call.anonymous());
        track(tenant, "0000-0000-0000-0000", Api.Call.anonymous());

        List<String> lines = platform().logs().lines();
        assertThat(lines).as("the capture must have seen the requests").anyMatch(l -> l.contains("/tracking"));
        assertThat(platform().issuedSecrets()).hasSizeGreaterThan(10);
        for (String secret : platform().issuedSecrets()) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }
}
