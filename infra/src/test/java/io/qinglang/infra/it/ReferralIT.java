package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.platform.cases.application.Referrals;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

/** A case transferred to a body that is itself a tenant continues there; the reporter and the sender follow it. */
class ReferralIT {

    static CaseHandlingIT.Desk sender;
    static CaseHandlingIT.Desk receiver;

    @BeforeAll
    static void bodies() {
        sender = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        receiver = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
    }

    /** A confidential report with a file, submitted at the sender; returns its id, reference and receipt. */
    static CaseHandlingIT.Submitted confidentialWithFile(boolean consent) {
        ObjectNode report = report("web", "fraud").put("anonymity", "CONFIDENTIAL")
                .put("description", "网店以次充好，疑似欺诈 referral-test");
        report.putObject("reporter").put("name", "赵六");
        report.putObject("contact").put("email", "zhao@example.org");
        if (consent) {
            report.put("consentToShareIdentity", true);
        }
        Api.Response response = api().remembering(api().postMultipart("/api/v1/tenants/" + sender.tenant().slug()
                        + "/reports", "report", report, List.of(new Api.FilePart("evidence", "订单.txt", "text/plain",
                        "订单号 20261123-0001".getBytes(StandardCharsets.UTF_8))), Api.Call.anonymous()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String reference = response.json().get("reference").asText();
        String id = api().get(sender.cases() + "?q=" + reference, new Api.Call().bearer(sender.handler())).json()
                .get("items").get(0).get("id").asText();
        return new CaseHandlingIT.Submitted(id, reference, response.json().get("receiptCode").asText());
    }

    static ObjectNode referral(String reason) {
        return body().put("toTenant", receiver.tenant().slug()).put("toCategory", "false-advertising").put("reason", reason);
    }

    static JsonNode receivedCase(String senderReference) {
        JsonNode found = api().get(receiver.cases() + "?channel=referral&limit=100", new Api.Call().bearer(receiver.handler()))
                .json();
        for (JsonNode item : found.get("items")) {
            JsonNode detail = receiver.detail(item.get("id").asText());
            if (detail.has("referredFrom") && detail.get("referredFrom").get("reference").asText().equals(senderReference)) {
                return detail;
            }
        }
        throw new AssertionError("no case at the receiver referred from " + senderReference);
    }

    @Test
    void aReferredCaseContinuesAtTheReceivingBodyWithItsEvidenceButWithoutTheIdentity() {
        CaseHandlingIT.Submitted c = confidentialWithFile(false);
        LocalDate dueBy = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20);
        JsonNode transferred = sender.step(c.id(), "transfer", referral("属于消费者权益纠纷，移送市场监管部门")
                .put("dueBy", dueBy.toString()));
        assertThat(transferred.get("summary").get("status").asText()).isEqualTo("TRANSFERRED");
        JsonNode referral = transferred.get("referral");
        assertThat(referral.get("delivered").asBoolean()).isTrue();
        assertThat(referral.get("status").asText()).isEqualTo("RECEIVED");
        String theirReference = referral.get("reference").asText();
        assertThat(theirReference).startsWith("TS-");

        JsonNode there = receivedCase(c.reference());
        assertThat(there.get("summary").get("reference").asText()).isEqualTo(theirReference);
        assertThat(there.get("summary").get("channel").asText()).isEqualTo("referral");
        assertThat(there.get("summary").get("category").asText()).isEqualTo("false-advertising");
        assertThat(there.get("description").asText()).contains("referral-test");
        assertThat(there.get("reporterIdentityOnFile").asBoolean()).isFalse();
        assertThat(there.get("timeline").get(0).get("type").asText()).isEqualTo("REFERRED_IN");
        assertThat(there.get("timeline").get(0).get("files").get(0).get("name").asText()).isEqualTo("订单.txt");
        JsonNode decide = CaseHandlingIT.deadline(there, "DECIDE", true);
        assertThat(decide.get("dueDate").asText()).as("the sending body's deadline").isEqualTo(dueBy.toString());
        assertThat(there.toString()).doesNotContain("赵六", "zhao@example.org");

        // the receiving body handles it; sender and reporter see the progress and the outcome
        String id = there.get("summary").get("id").asText();
        receiver.step(id, "accept", body());
        assertThat(CaseHandlingIT.deadline(receiver.detail(id), "DECIDE", true).get("dueDate").asText())
                .as("acceptance keeps the superior's deadline").isEqualTo(dueBy.toString());
        receiver.step(id, "assign", body().put("department", "advertising"));
        receiver.step(id, "decide", CaseHandlingIT.decision("SUBSTANTIATED", "经查，该网店存在虚假宣传，已责令整改。"));
        JsonNode atSender = sender.detail(c.id()).get("referral");
        assertThat(atSender.get("status").asText()).isEqualTo("DECIDED");
        assertThat(atSender.get("outcome").asText()).isEqualTo("SUBSTANTIATED");
        JsonNode tracked = sender.track(c.receipt());
        assertThat(tracked.get("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(tracked.get("referral").get("reference").asText()).isEqualTo(theirReference);
        assertThat(tracked.get("referral").get("decision").get("reasons").asText()).isEqualTo("经查，该网店存在虚假宣传，已责令整改。");

        // delivering again (a second node, a retry) creates nothing new
        CDI.current().select(Referrals.class).get().deliverPending();
        assertThat(api().get(receiver.cases() + "?channel=referral&q=referral-test&limit=100",
                new Api.Call().bearer(receiver.handler())).json().get("items").findValuesAsText("reference"))
                .containsOnlyOnce(theirReference);
    }

    @Test
    void theIdentityGoesAlongOnlyWithTheReportersConsent() {
        CaseHandlingIT.Submitted without = confidentialWithFile(false);
        JsonNode before = sender.detail(without.id());
        Api.Response refused = sender.act(sender.handler(), without.id(), "transfer", before.get("version").asLong(),
                referral("移送").put("withIdentity", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("IDENTITY_CONSENT_MISSING");
        assertThat(sender.detail(without.id()).get("summary").get("status").asText()).isEqualTo("RECEIVED");

        CaseHandlingIT.Submitted with = confidentialWithFile(true);
        sender.step(with.id(), "transfer", referral("移送，附举报人身份（已同意）").put("withIdentity", true));
        JsonNode there = receivedCase(with.reference());
        assertThat(there.get("reporterIdentityOnFile").asBoolean()).isTrue();
        Api.Response opened = api().postJson(receiver.cases() + "/" + there.get("summary").get("id").asText()
                        + "/identity-views", body().put("reason", "Need to hear the complainant in person"),
                new Api.Call().bearer(receiver.supervisor()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("identity").asText()).contains("赵六");
        assertThat(opened.json().get("contact").asText()).contains("zhao@example.org");
    }

    @Test
    void badReferralsAreNamedAndChangeNothingAndTheBodiesStayApart() {
        CaseHandlingIT.Submitted c = confidentialWithFile(false);
        long version = sender.detail(c.id()).get("version").asLong();
        record Bad(ObjectNode body, List<String> pointers) {
        }
        List<Bad> bad = List.of(
                new Bad(referral("x").put("toTenant", "no-such-body"), List.of("/toTenant")),
                new Bad(referral("x").put("toTenant", sender.tenant().slug()), List.of("/toTenant")),
                new Bad(referral("x").put("toCategory", "gambling"), List.of("/toCategory")),
                new Bad(referral("x").put("dueBy", "2020-01-01"), List.of("/dueBy")),
                new Bad(referral("x").put("dueBy", "next week"), List.of("/dueBy")),
                new Bad(body().put("reason", "x").put("toCategory", "price"), List.of("/body", "/toTenant")),
                new Bad(referral("x").put("toCategory", (String) null), List.of("/toCategory")));
        for (Bad b : bad) {
            Api.Response response = sender.act(sender.handler(), c.id(), "transfer", version, b.body());
            assertThat(response.status()).as(b.body() + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsText("pointer")).as(b.body().toString())
                    .containsExactlyInAnyOrderElementsOf(b.pointers());
        }
        assertThat(sender.detail(c.id()).get("version").asLong()).isEqualTo(version);

        // each body still sees only its own cases
        assertThat(api().get(sender.cases() + "/" + c.id(), new Api.Call().bearer(receiver.handler())).status())
                .isEqualTo(403);
        assertThat(api().get(receiver.cases() + "/" + c.id(), new Api.Call().bearer(receiver.handler())).status())
                .isEqualTo(404);
    }
}
