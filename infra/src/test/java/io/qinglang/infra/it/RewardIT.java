package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.CaseHandlingIT.decision;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/** Rewards end to end: rules, proposal, supervisor approval, the reporter's claim with receipt and secret, payment. */
class RewardIT {

    private static CaseHandlingIT.Desk desk;

    /** A submitted report with everything its reporter holds. */
    record Held(String id, String reference, String receipt, String secret) {
    }

    @BeforeAll
    static void tenantWithRules() {
        desk = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        String rules = "/api/v1/tenants/" + desk.tenant().slug() + "/configuration/reward-rules";
        Api.Call admin = new Api.Call().bearer(desk.tenant().adminToken());
        Api.Response percentage = api().postJson(rules, body().put("category", "product-quality").put("kind", "PERCENTAGE")
                .put("percent", 5).put("minimum", 100).put("cap", 2000).put("currency", "CNY").put("claimWindowDays", 30), admin);
        assertThat(percentage.status()).as(percentage.body()).isEqualTo(201);
        Api.Response fixed = api().postJson(rules, body().put("kind", "FIXED").put("amount", 300).put("firstReporterOnly", true),
                admin);
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
    }

    private static Held report(String category) {
        JsonNode receipt = submitted(desk.tenant(), Fixtures.report("web", category));
        String reference = receipt.get("reference").asText();
        JsonNode found = api().get(desk.cases() + "?q=" + reference, new Api.Call().bearer(desk.handler())).json();
        return new Held(found.get("items").get(0).get("id").asText(), reference, receipt.get("receiptCode").asText(),
                receipt.get("claimSecret").asText());
    }

    private static Held decided(String category, String outcome) {
        Held c = report(category);
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("department", "complaints"));
        desk.step(c.id(), "decide", decision(outcome, "经查，举报属实。"));
        return c;
    }

    private static String rewards(Held c) {
        return desk.cases() + "/" + c.id() + "/rewards";
    }

    private static Api.Response propose(Held c, ObjectNode body, String token) {
        return api().postJson(rewards(c), body, new Api.Call().bearer(token));
    }

    private static JsonNode approved(Held c, ObjectNode proposal) {
        Api.Response proposed = propose(c, proposal, desk.handler());
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        Api.Response answer = api().postJson(rewards(c) + "/answer", body().put("approve", true).put("reason", "举报属实，核定奖励"),
                new Api.Call().bearer(desk.supervisor()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static ObjectNode claim(String receipt, String secret) {
        ObjectNode claim = body().put("receiptCode", receipt).put("claimSecret", secret);
        claim.putObject("payment").put("method", "BANK_TRANSFER").put("account", "6222 0000 1111 2222")
                .put("accountName", "匿名举报人");
        return claim;
    }

    private static Api.Response claimAs(ObjectNode claim) {
        return api().postJson("/api/v1/tenants/" + desk.tenant().slug() + "/tracking/reward-claim", claim,
                Api.Call.anonymous());
    }

    @Test
    void aPercentageRewardWithinMinimumAndCapIsApprovedClaimedOnceAndPaid() {
        Held capped = decided("product-quality", "SUBSTANTIATED");
        Api.Response own = propose(capped, body().put("base", 100_000), desk.supervisor());
        assertThat(own.status()).isEqualTo(201);
        assertThat(new BigDecimal(own.json().get("amount").asText())).as("5 % of 100,000.00 cut to the cap")
                .isEqualByComparingTo("2000.00");
        Api.Response selfApproval = api().postJson(rewards(capped) + "/answer", body().put("approve", true).put("reason", "ok"),
                new Api.Call().bearer(desk.supervisor()));
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.json().get("code").asText()).isEqualTo("APPROVER_IS_PROPOSER");

        Held raised = decided("product-quality", "PARTLY_SUBSTANTIATED");
        JsonNode reward = approved(raised, body().put("base", 1000));
        assertThat(new BigDecimal(reward.get("amount").asText())).as("5 % of 1,000.00 raised to the minimum")
                .isEqualByComparingTo("100.00");
        assertThat(reward.get("status").asText()).isEqualTo("APPROVED");
        assertThat(reward.hasNonNull("claimUntil")).isTrue();
        assertThat(desk.track(raised.receipt()).get("timeline").findValuesAsText("type")).contains("REWARD_APPROVED");

        Api.Response claimed = claimAs(claim(raised.receipt(), raised.secret()));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("status").asText()).isEqualTo("CLAIMED");
        assertThat(claimed.header("Cache-Control")).contains("no-store");
        Api.Response again = claimAs(claim(raised.receipt(), raised.secret()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("REWARD_ALREADY_CLAIMED");

        assertThat(sealedPaymentHolds(raised, "6222")).as("payment details are stored sealed").isFalse();
        Api.Response details = api().postJson(rewards(raised) + "/payment-details-views",
                body().put("reason", "发放奖励需要收款账户"), new Api.Call().bearer(desk.supervisor()));
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(details.json().get("account").asText()).isEqualTo("6222 0000 1111 2222");
        assertThat(Fixtures.auditReasons(desk.tenant(), "PAYMENT_DETAILS_VIEWED")).contains("发放奖励需要收款账户");

        Api.Response paid = api().postJson(rewards(raised) + "/payment", body().put("reference", "BANK-TX-0042"),
                new Api.Call().bearer(desk.supervisor()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("PAID");
        assertThat(desk.track(raised.receipt()).get("timeline").findValuesAsText("type")).contains("REWARD_CLAIMED", "REWARD_PAID");
    }

    @Test
    void aWrongSecretIsRefusedExactlyLikeAnUnknownReceipt() {
        Held c = decided("product-quality", "SUBSTANTIATED");
        approved(c, body().put("base", 10_000));
        Held stranger = report("product-quality");

        Api.Response wrongSecret = claimAs(claim(c.receipt(), stranger.secret()));
        Api.Response unknownReceipt = claimAs(claim("7KQ2-M9XD-4HTP-RW3C", c.secret()));
        Api.Response unknownTenant = api().postJson("/api/v1/tenants/no-such-body/tracking/reward-claim",
                claim(c.receipt(), c.secret()), Api.Call.anonymous());
        for (Api.Response refused : List.of(wrongSecret, unknownReceipt, unknownTenant)) {
            assertThat(refused.status()).isEqualTo(404);
            ObjectNode problem = (ObjectNode) refused.json();
            problem.remove("traceId");
            ObjectNode expected = (ObjectNode) wrongSecret.json();
            expected.remove("traceId");
            assertThat(problem).isEqualTo(expected);
        }
        assertThat(claimAs(claim(c.receipt(), c.secret())).status()).as("the reward is still there to claim").isEqualTo(200);
    }

    @Test
    void aClaimAfterTheWindowIsRefused() throws Exception {
        Held c = decided("product-quality", "SUBSTANTIATED");
        approved(c, body().put("base", 10_000));
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update rewards set claim_until = now() - interval '1 minute' "
                     + "where case_id = ?::uuid")) {
            s.setString(1, c.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Api.Response late = claimAs(claim(c.receipt(), c.secret()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("CLAIM_WINDOW_CLOSED");
    }

    @Test
    void duplicatesEarnOneRewardForTheFirstReporterAndNeverTwo() {
        Held first = report("service-quality");
        Held lead = report("service-quality");
        desk.step(lead.id(), "accept", body());
        desk.step(first.id(), "merge", body().put("leadCaseId", lead.id()));
        desk.step(lead.id(), "assign", body().put("department", "complaints"));
        desk.step(lead.id(), "decide", decision("SUBSTANTIATED", "多名消费者反映属实。"));

        JsonNode reward = approved(lead, body());
        assertThat(new BigDecimal(reward.get("amount").asText())).as("the fixed default rule").isEqualByComparingTo("300.00");
        assertThat(reward.get("recipientReference").asText()).as("the first reporter").isEqualTo(first.reference());
        Api.Response second = propose(lead, body(), desk.handler());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("REWARD_EXISTS");

        Api.Response notTheirs = claimAs(claim(lead.receipt(), lead.secret()));
        assertThat(notTheirs.status()).isEqualTo(409);
        assertThat(notTheirs.json().get("code").asText()).isEqualTo("NO_REWARD_TO_CLAIM");
        assertThat(claimAs(claim(first.receipt(), first.secret())).status()).isEqualTo(200);
    }

    @Test
    void badProposalsAndClaimsAreNamedAndChangeNothing() {
        Held unsubstantiated = decided("product-quality", "UNSUBSTANTIATED");
        Held c = decided("product-quality", "SUBSTANTIATED");
        Held open = report("product-quality");
        long audited = Fixtures.rows("audit_events", desk.tenant().id());
        long rewardRows = Fixtures.rows("rewards", desk.tenant().id());

        Api.Response notSubstantiated = propose(unsubstantiated, body().put("base", 100), desk.handler());
        assertThat(notSubstantiated.status()).isEqualTo(409);
        assertThat(notSubstantiated.json().get("code").asText()).isEqualTo("NOT_SUBSTANTIATED");
        assertThat(propose(open, body().put("base", 100), desk.handler()).json().get("code").asText())
                .isEqualTo("NOT_SUBSTANTIATED");
        record Bad(Api.Response response, String pointer) {
        }
        ObjectNode noPayment = body().put("receiptCode", c.receipt()).put("claimSecret", c.secret());
        ObjectNode cash = claim(c.receipt(), c.secret());
        ((ObjectNode) cash.get("payment")).put("method", "CASH_IN_A_BAG");
        List<Bad> bad = List.of(
                new Bad(propose(c, body(), desk.handler()), "/base"),
                new Bad(propose(c, body().put("base", -5), desk.handler()), "/base"),
                new Bad(propose(c, body().put("base", new BigDecimal("10.005")), desk.handler()), "/base"),
                new Bad(propose(c, body().put("base", "lots"), desk.handler()), "/base"),
                new Bad(claimAs(noPayment), "/payment"),
                new Bad(claimAs(cash), "/payment/method"),
                new Bad(claimAs(claim(c.receipt(), "short")), "/claimSecret"),
                new Bad(claimAs(claim("", c.secret())), "/receiptCode"));
        for (Bad b : bad) {
            assertThat(b.response().status()).as(b.response().body()).isEqualTo(400);
            assertThat(b.response().json().get("errors").findValuesAsText("pointer")).contains(b.pointer());
        }
        assertThat(api().postJson(rewards(c) + "/answer", body().put("approve", true).put("reason", "x"),
                new Api.Call().bearer(desk.handler())).status()).as("only supervisors answer").isEqualTo(403);
        CaseHandlingIT.Desk other = CaseHandlingIT.desk("INTERNET_CONTENT");
        assertThat(api().postJson(rewards(c), body().put("base", 100), new Api.Call().bearer(other.handler())).status())
                .as("another tenant's handler").isEqualTo(403);
        assertThat(Fixtures.rows("audit_events", desk.tenant().id())).isEqualTo(audited);
        assertThat(Fixtures.rows("rewards", desk.tenant().id())).isEqualTo(rewardRows);
    }

    private static boolean sealedPaymentHolds(Held c, String text) {
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("select position(convert_to(?, 'UTF8') in sealed_payment) > 0 "
                     + "from rewards where case_id = ?::uuid")) {
            s.setString(1, text);
            s.setString(2, c.id());
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
