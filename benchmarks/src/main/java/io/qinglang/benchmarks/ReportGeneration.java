package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes one disclosure report through the admin API, as an admin does: asks for it (202 at once), then follows it
 * until it is ready. The time this takes is the time to make the report (the node makes one at a time).
 */
final class ReportGeneration {

    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final PlatformClient client;
    private final BenchTenant tenant;
    private final Supplier<String> admin;
    private final long pollMillis;

    /** {@code pollMillis}: how often it asks how far the report got (each ask is a request the platform serves). */
    ReportGeneration(PlatformClient client, BenchTenant tenant, Supplier<String> admin, long pollMillis) {
        this.client = client;
        this.tenant = tenant;
        this.admin = admin;
        this.pollMillis = pollMillis;
    }

    ReportGeneration polling(long millis) {
        return new ReportGeneration(client, tenant, admin, millis);
    }

    /** Returns the report's total size in bytes (its PDFs and CSV). */
    long make(String period) throws IOException, InterruptedException, RequestFailed {
        String base = "/api/v1/tenants/" + tenant.slug() + "/disclosure-reports";
        JsonNode queued = client.postJson(base, PlatformClient.json(Map.of("period", period)), admin.get());
        String path = base + "/" + queued.path("id").asText();
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            JsonNode report = client.getJson(path, admin.get());
            switch (report.path("state").asText()) {
                case "READY" -> {
                    long bytes = 0;
                    for (JsonNode document : report.path("documents")) {
                        bytes += document.path("sizeBytes").asLong();
                    }
                    return bytes;
                }
                case "FAILED" -> throw new RequestFailed("report failed: " + report.path("failure").asText());
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new RequestFailed("report not ready after " + DEADLINE.toMinutes() + " min: "
                                + report.path("state").asText() + " " + report.path("step").asText());
                    }
                    Thread.sleep(pollMillis);
                }
            }
        }
    }
}
