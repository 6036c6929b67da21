package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.rows;
import static io.qinglang.infra.it.Fixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIT {

    static Fixtures.TestTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = onboard("EU_WHISTLEBLOWING");
    }

    @Test
    void aRetriedRequestReturnsTheFirstAnswerAndCreatesExactlyOneCase() {
        long before = rows("cases", tenant.id());
        String key = "retry-" + UUID.randomUUID();
        Api.Response first = submit(tenant, report("web", "fraud-corruption"), Api.Call.anonymous().header("Idempotency-Key", key));
        Api.Response retry = submit(tenant, report("web", "fraud-corruption"), Api.Call.anonymous().header("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(rows("cases", tenant.id())).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesStillCreateOneCase() {
        long before = rows("cases", tenant.id());
        String key = "race-" + UUID.randomUUID();
        List<CompletableFuture<Api.Response>> calls = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                submit(tenant, report("web", "environment"), Api.Call.anonymous().header("Idempotency-Key", key)))).toList();
        List<JsonNode> answers = calls.stream().map(CompletableFuture::join).map(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json();
        }).toList();

        assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.getFirst()));
        assertThat(rows("cases", tenant.id())).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithADifferentReportIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        submit(tenant, report("web", "fraud-corruption"), Api.Call.anonymous().header("Idempotency-Key", key));
        long before = rows("cases", tenant.id());
        Api.Response reused = submit(tenant, report("web", "environment"), Api.Call.anonymous().header("Idempotency-Key", key));

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(rows("cases", tenant.id())).isEqualTo(before);
    }
}
