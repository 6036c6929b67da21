package io.qinglang.infra.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qinglang.platform.cases.application.ReportRegistered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsReceivedTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReportsReceived received = new ReportsReceived(registry);

    @Test
    void eachBodysReportsAreCountedByOrigin() {
        received.count(new ReportRegistered("a-body", false));
        received.count(new ReportRegistered("a-body", false));
        received.count(new ReportRegistered("a-body", true));
        received.count(new ReportRegistered("b-body", false));

        assertThat(count("a-body", "public")).isEqualTo(2);
        assertThat(count("a-body", "staff")).isEqualTo(1);
        assertThat(count("b-body", "public")).isEqualTo(1);
        assertThat(registry.find(ReportsReceived.NAME).tag("tenant", "b-body").tag("origin", "staff").counter()).isNull();
    }

    private double count(String tenant, String origin) {
        return registry.get(ReportsReceived.NAME).tag("tenant", tenant).tag("origin", origin).counter().count();
    }
}
