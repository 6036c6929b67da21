package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof-of-work the intake asks for once a tenant's reports arrive at an anomalous rate (by default at least
 * 60 in a minute and five times the usual): refused without one, accepted with a solved challenge, each challenge
 * once, other tenants untouched; the form says what to do without JavaScript.
 */
class ProofOfWorkIT {

    @Test
    void aFloodOfReportsMakesTheIntakeAskForAProofOfWorkThatAnyClientCanSolve() throws Exception {
        Fixtures.TestTenant busy = Fixtures.onboard("CONSUMER_COMPLAINTS");
        Fixtures.TestTenant quiet = Fixtures.onboard("CONSUMER_COMPLAINTS");
        assertThat(challenge(busy).get("required").asBoolean()).isFalse();
        Api.Response nobody = api().get("/api/v1/tenants/no-such-body/reports/challenge", Api.Call.anonymous());
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("code").asText()).isEqualTo("TENANT_NOT_FOUND");

        flood(busy);

        assertThat(challenge(quiet).get("required").asBoolean()).as("another tenant").isFalse();
        assertThat(Fixtures.submit(quiet, report("web", "product-quality"), Api.Call.anonymous()).status()).isEqualTo(201);

        long before = Fixtures.rows("cases", busy.id());
        Api.Response refused = Fixtures.submit(busy, report("web", "product-quality"), Api.Call.anonymous());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("PROOF_OF_WORK_REQUIRED");
        assertThat(refused.json().get("detail").asText()).contains("/reports/challenge");

        JsonNode challenge = challenge(busy);
        assertThat(challenge.get("required").asBoolean()).isTrue();
        int bits = challenge.get("difficultyBits").asInt();
        assertThat(bits).isEqualTo(18);
        String proof = solve(challenge.get("token").asText(), bits);
        String token = challenge.get("token").asText();
        for (String bad : List.of("nonsense", token + ":0x", unsolved(token, bits),
                solve(token.replaceFirst("^\\d+", "9999999999"), 1))) {
            Api.Response wrong = submitWithProof(busy, bad);
            assertThat(wrong.status()).as(bad).isEqualTo(403);
            assertThat(wrong.json().get("detail").asText()).contains("not accepted");
        }
        assertThat(Fixtures.rows("cases", busy.id())).as("nothing filed while refused").isEqualTo(before);

        Api.Response accepted = submitWithProof(busy, proof);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        Api.Response replayed = submitWithProof(busy, proof);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.json().get("detail").asText()).contains("used already");
        assertThat(Fixtures.rows("cases", busy.id())).isEqualTo(before + 1);
    }

    @Test
    void theFormOfABusyBodyCarriesTheChallengeAndWithoutAScriptSaysWhyAndWhereElseToReport() {
        Fixtures.TestTenant busy = Fixtures.onboard("CONSUMER_COMPLAINTS");
        flood(busy);

        Fixtures.FormVisit visit = Fixtures.visit("/t/" + busy.slug() + "/report",
                Api.Call.anonymous().header("Accept-Language", "en"));
        assertThat(visit.page().body()).contains("data-pow-bits=\"18\"").contains("name=\"powToken\"")
                .contains("<script src=\"/static/pow.js\" defer></script>")
                .contains("<noscript><p class=\"notice\" id=\"pow-noscript\">Unusually many reports");
        Api.Response script = api().get("/static/pow.js", Api.Call.anonymous());
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        Map<String, String> fields = Fixtures.reportForm(visit, "product-quality", "https://shop.example/kettle",
                "漏电的电热水壶 / a kettle that leaks current");
        long before = Fixtures.rows("cases", busy.id());

        Api.Response refused = api().postForm("/t/" + busy.slug() + "/report", fields, List.of(),
                visit.post().header("Accept-Language", "en"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Your report was not sent").contains("needs JavaScript")
                .contains("https://shop.example/kettle");
        assertThat(Fixtures.rows("cases", busy.id())).isEqualTo(before);
    }

    /**
     * Reports as fast as one client sends them, from addresses of their own so that no per-address limit is
     * reached, until the intake asks for a proof-of-work (from the 60th in a minute).
     */
    static void flood(Fixtures.TestTenant tenant) {
        for (int i = 0; i < 200; i++) {
            Api.Response r = Fixtures.submit(tenant, report("web", "product-quality"),
                    new Api.Call().from("10.77." + (i / 20) + "." + (i % 20 + 1)));
            assertThat(r.status()).as("report " + i + ": " + r.body()).isIn(201, 403);
            if (r.status() == 403) {
                assertThat(i).as("asked for a proof from the 60th report in a minute").isBetween(59, 130);
                return;
            }
        }
        throw new AssertionError("200 reports in a row were never asked for a proof-of-work");
    }

    private static JsonNode challenge(Fixtures.TestTenant tenant) {
        Api.Response r = api().get("/api/v1/tenants/" + tenant.slug() + "/reports/challenge", Api.Call.anonymous());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        return r.json();
    }

    /** The token with a number that does not solve it. */
    private static String unsolved(String token, int bits) throws NoSuchAlgorithmException {
        for (long n = 0; ; n++) {
            String proof = token + ":" + n;
            if (!solve(token, bits).equals(proof)) {
                return proof;
            }
        }
    }

    private static Api.Response submitWithProof(Fixtures.TestTenant tenant, String proof) {
        return api().postJson("/api/v1/tenants/" + tenant.slug() + "/reports", report("web", "product-quality"),
                Api.Call.anonymous().header("Proof-Of-Work", proof));
    }

    static String solve(String token, int bits) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; ; n++) {
            byte[] hash = sha.digest((token + ":" + n).getBytes(StandardCharsets.UTF_8));
            int zeros = 0;
            for (byte b : hash) {
                if (b == 0) {
                    zeros += 8;
                    continue;
                }
                zeros += Integer.numberOfLeadingZeros(b & 0xFF) - 24;
                break;
            }
            if (zeros >= bits) {
                return token + ":" + n;
            }
        }
    }
}
