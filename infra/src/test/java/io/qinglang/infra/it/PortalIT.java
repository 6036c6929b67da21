package io.qinglang.infra.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

/** The public pages over HTTP: languages, escaping, security headers, error pages. */
class PortalIT {

    private static Fixtures.TestTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = Fixtures.onboard("CONSUMER_COMPLAINTS");
        Api.Response saved = api().putJson("/api/v1/tenants/" + tenant.slug() + "/configuration/channels/hotline",
                body().put("nameZh", "投诉热线<b>").put("nameEn", "Hotline").put("kind", "HOTLINE").put("contact", "12315")
                        .put("hours", "工作日 9:00-17:00")
                        .put("descriptionZh", "<script>alert('x')</script>请拨打 12315"),
                new Api.Call().bearer(tenant.adminToken()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static Api.Response page(String path, String acceptLanguage) {
        Api.Call call = Api.Call.anonymous();
        if (acceptLanguage != null) {
            call.header("Accept-Language", acceptLanguage);
        }
        return api().get(path, call);
    }

    @Test
    void theFrontPageListsTheBodiesThatPublish() {
        Api.Response front = page("/", "zh-CN,zh;q=0.9");
        assertThat(front.status()).isEqualTo(200);
        assertThat(front.contentType()).startsWith("text/html");
        assertThat(front.body()).contains("<html lang=\"zh-CN\">", "受理机构", "href=\"/t/" + tenant.slug() + "\"");
    }

    @Test
    void aBodysLandingPageIsInTheBrowsersLanguageAndTheSwitchIsRemembered() {
        Api.Response chinese = page("/t/" + tenant.slug(), "zh-CN");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(chinese.body()).contains("可以举报的事项", "商品质量", "举报渠道", "12315", "办理时限承诺", "举报人保护");

        Api.Response english = page("/t/" + tenant.slug(), "en-GB,en;q=0.9");
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(english.body()).contains("What you can report", "Product quality", "How to report");

        Api.Response switched = page("/t/" + tenant.slug() + "?lang=en", "zh-CN");
        assertThat(switched.body()).contains("What you can report");
        assertThat(switched.header("Set-Cookie")).contains("qinglang_lang=en").containsIgnoringCase("HttpOnly");
        Api.Response remembered = api().get("/t/" + tenant.slug(),
                Api.Call.anonymous().header("Accept-Language", "zh-CN").header("Cookie", "qinglang_lang=en"));
        assertThat(remembered.body()).contains("What you can report");
    }

    @Test
    void whatAdminsTypedIsShownAsTextNeverAsMarkup() {
        String html = page("/t/" + tenant.slug(), "zh-CN").body();
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;请拨打 12315", "投诉热线&lt;b&gt;")
                .doesNotContain("<script>alert", "热线<b>");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndAreNotCached() {
        Api.Response landing = page("/t/" + tenant.slug(), null);
        assertThat(landing.header("Content-Security-Policy")).contains("default-src 'none'", "form-action 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(landing.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(landing.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(landing.header("Cache-Control")).isEqualTo("no-store");
        Api.Response css = page("/static/site.css", null);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
    }

    @Test
    void anUnknownBodyOrPageIsAnHtmlPageNotJson() {
        Api.Response unknown = page("/t/no-such-body", "en");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.body()).contains("Page not found").doesNotContain("TENANT_NOT_FOUND");
        Api.Response nowhere = page("/nowhere/at/all", "zh-CN");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.body()).contains("页面不存在");
        assertThat(api().get("/api/v1/tenants/" + tenant.slug() + "/public-configuration", Api.Call.anonymous()).status())
                .as("the API beside the pages").isEqualTo(200);
    }

    /** A browser's visit to the form: the CSRF cookie it gets and the token in the page. */
    private record FormVisit(String cookie, String token, String html) {
    }

    private static FormVisit visitForm(String language) {
        Api.Response form = page("/t/" + tenant.slug() + "/report", language);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        String setCookie = form.header("Set-Cookie");
        assertThat(setCookie).contains("qinglang_csrf=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(setCookie.indexOf("qinglang_csrf=") + 14).split(";")[0];
        java.util.regex.Matcher hidden = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(form.body());
        assertThat(hidden.find()).isTrue();
        return new FormVisit(cookie, hidden.group(1), form.body());
    }

    private static java.util.Map<String, String> goodReport(String token) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("csrf", token);
        fields.put("category", "product-quality");
        fields.put("subjectType", "URL");
        fields.put("subjectValue", "https://shop.example/item/42");
        fields.put("description", "收到的电热水壶漏电。<script>alert('x')</script>");
        fields.put("anonymity", "ANONYMOUS");
        fields.put("contactEmail", "");
        return fields;
    }

    private static Api.Response post(java.util.Map<String, String> fields, List<Api.FilePart> files, String cookie) {
        Api.Call call = Api.Call.anonymous().header("Accept-Language", "zh-CN");
        if (cookie != null) {
            call.header("Cookie", "qinglang_csrf=" + cookie);
        }
        return api().postForm("/t/" + tenant.slug() + "/report", fields, files, call);
    }

    @Test
    void theReportFormEndsOnAReceiptPageWhoseCodeTracksTheCaseWithItsFile() {
        FormVisit visit = visitForm("zh-CN");
        assertThat(visit.token()).isEqualTo(visit.cookie());
        assertThat(visit.html()).contains("<label for=\"description\">", "enctype=\"multipart/form-data\"", "商品质量");
        long before = Fixtures.rows("cases", tenant.id());

        Api.Response receipt = post(goodReport(visit.token()), List.of(new Api.FilePart("evidence", "photo.png", "image/png",
                Fixtures.png())), visit.cookie());
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        assertThat(receipt.header("Cache-Control")).isEqualTo("no-store");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("id=\"receipt-code\">([0-9A-Z-]{19})<").matcher(receipt.body());
        assertThat(code.find()).as(receipt.body()).isTrue();
        assertThat(receipt.body()).contains("只显示这一次", "id=\"claim-secret\"");
        assertThat(Fixtures.rows("cases", tenant.id())).isEqualTo(before + 1);

        Api.Response tracked = Fixtures.track(tenant, code.group(1), Api.Call.anonymous());
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        assertThat(tracked.json().get("timeline").get(0).get("files")).hasSize(1);

        Api.Response page = track(visit, java.util.Map.of("receiptCode", code.group(1)), "zh-CN");
        java.util.regex.Matcher download = java.util.regex.Pattern.compile("action=\"(/t/[^\"]+/track/evidence/[0-9a-f-]{36})\"")
                .matcher(page.body());
        assertThat(download.find()).as(page.body()).isTrue();
        Api.Response file = api().postForm(download.group(1), java.util.Map.of("csrf", visit.token(), "receiptCode", code.group(1)),
                List.of(), Api.Call.anonymous().header("Cookie", "qinglang_csrf=" + visit.cookie()));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.bytes()).isEqualTo(Fixtures.png());
        assertThat(file.header("Content-Disposition")).startsWith("attachment;").contains("photo.png");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Api.Response wrongCode = api().postForm(download.group(1), java.util.Map.of("csrf", visit.token(),
                "receiptCode", "7KQ2-M9XD-4HTP-RW3C"), List.of(), Api.Call.anonymous().header("Cookie", "qinglang_csrf=" + visit.cookie()));
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(wrongCode.bytes()).isNotEqualTo(Fixtures.png());
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefusedAndWritesNothing() {
        FormVisit visit = visitForm("zh-CN");
        long before = Fixtures.rows("cases", tenant.id());
        Api.Response noCookie = post(goodReport(visit.token()), List.of(), null);
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(noCookie.contentType()).startsWith("text/html");
        assertThat(noCookie.body()).contains("表单已过期");
        java.util.Map<String, String> forged = goodReport("forged-token-forged-token-forged-token-forged");
        assertThat(post(forged, List.of(), visit.cookie()).status()).isEqualTo(403);
        java.util.Map<String, String> noToken = goodReport("x");
        noToken.remove("csrf");
        assertThat(post(noToken, List.of(), visit.cookie()).status()).isEqualTo(403);
        assertThat(Fixtures.rows("cases", tenant.id())).isEqualTo(before);
    }

    @Test
    void aReportWithMistakesComesBackWithEachFieldMarkedAndWhatWasTypedKept() {
        FormVisit visit = visitForm("en");
        long before = Fixtures.rows("cases", tenant.id());
        java.util.Map<String, String> bad = goodReport(visit.token());
        bad.put("description", " ");
        bad.put("contactEmail", "not-an-address");
        bad.put("subjectValue", "<b>shop</b>");
        Api.Response again = api().postForm("/t/" + tenant.slug() + "/report", bad, List.of(),
                Api.Call.anonymous().header("Accept-Language", "en").header("Cookie", "qinglang_csrf=" + visit.cookie()));
        assertThat(again.status()).isEqualTo(400);
        String html = again.body();
        assertThat(html).contains("role=\"alert\"", "id=\"description-error\"", "id=\"contactEmail-error\"",
                "id=\"subjectValue-error\"", "aria-describedby=\"description-error\"");
        assertThat(html).contains("This is required.", "Give a valid e-mail address.",
                "Give a web address starting with http:// or https://.");
        assertThat(html).contains("value=\"&lt;b&gt;shop&lt;/b&gt;\"").doesNotContain("<b>shop</b>");
        assertThat(html).contains("value=\"not-an-address\"");
        assertThat(Fixtures.rows("cases", tenant.id())).isEqualTo(before);
    }

    /** Submits a good report through the form; returns the receipt code shown on the receipt page. */
    private static String reportThroughTheForm(FormVisit visit) {
        Api.Response receipt = post(goodReport(visit.token()), List.of(), visit.cookie());
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("id=\"receipt-code\">([0-9A-Z-]{19})<").matcher(receipt.body());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static Api.Response track(FormVisit visit, java.util.Map<String, String> fields, String language) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("csrf", visit.token());
        all.putAll(fields);
        return api().postForm("/t/" + tenant.slug() + "/track", all, List.of(),
                Api.Call.anonymous().header("Accept-Language", language).header("Cookie", "qinglang_csrf=" + visit.cookie()));
    }

    @Test
    void aReporterFollowsTheirCaseRepliesToAQuestionAndSeesTheirWordsAsText() {
        FormVisit visit = visitForm("zh-CN");
        String receipt = reportThroughTheForm(visit);
        Api.Response lookup = page("/t/" + tenant.slug() + "/track", "zh-CN");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).contains("<label for=\"receiptCode\">回执码</label>");

        Api.Response shown = track(visit, java.util.Map.of("action", "view", "receiptCode", receipt.toLowerCase()), "zh-CN");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"status\">已收到<", "收到举报", "补充材料");
        assertThat(shown.header("Cache-Control")).isEqualTo("no-store");

        Api.Response replied = track(visit, java.util.Map.of("action", "reply", "receiptCode", receipt,
                "message", "订单号 <script>alert('x')</script> 12345"), "en");
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        assertThat(replied.body()).contains("What you added was received", "Information added",
                "订单号 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 12345").doesNotContain("<script>alert");

        Api.Response empty = track(visit, java.util.Map.of("action", "reply", "receiptCode", receipt, "message", " "), "en");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"message-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void aWrongOrMalformedReceiptAndAFormWithoutItsTokenAreRefused() {
        FormVisit visit = visitForm("en");
        Api.Response unknown = track(visit, java.util.Map.of("receiptCode", "7KQ2-M9XD-4HTP-RW3C"), "en");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("No report matches this receipt code", "id=\"receiptCode-error\"");
        Api.Response malformed = track(visit, java.util.Map.of("receiptCode", "abc"), "en");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("16 letters and digits");
        Api.Response forged = api().postForm("/t/" + tenant.slug() + "/track",
                java.util.Map.of("csrf", visit.token(), "receiptCode", "7KQ2-M9XD-4HTP-RW3C"), List.of(), Api.Call.anonymous());
        assertThat(forged.status()).isEqualTo(403);
    }

    // The tracking pages while a body's receipt lookups are flooded (HostileInputIT floods the API the same way)

    private static final java.util.regex.Pattern POW_TOKEN = java.util.regex.Pattern.compile(
            "name=\"powToken\" value=\"([^\"]+)\" data-pow-bits=\"(\\d+)\"");

    @Test
    void duringAFloodOfLookupsTheTrackingPagesAskForAProofAndEachSolvedChallengeServesOneRequest() throws Exception {
        Fixtures.TestTenant busy = Fixtures.onboard("CONSUMER_COMPLAINTS");
        String receipt = Fixtures.submitted(busy, Fixtures.report("web", "product-quality")).get("receiptCode").asText();
        Fixtures.floodLookups(busy);
        Fixtures.FormVisit visit = Fixtures.visit("/t/" + busy.slug() + "/track",
                Api.Call.anonymous().header("Accept-Language", "en"));
        assertThat(visit.page().body()).contains("id=\"pow-noscript\"", "each step with your receipt code",
                "<script src=\"/static/pow.js\" defer></script>").containsPattern(POW_TOKEN);

        // without a script: not done, said why, the code kept in the form (a POST answer), a new challenge
        Api.Response noScript = trackOn(busy, visit, proved(visit.page(), false, "receiptCode", receipt), "en");
        assertThat(noScript.status()).as(noScript.body()).isEqualTo(403);
        assertThat(noScript.contentType()).startsWith("text/html");
        assertThat(noScript.body()).contains("Your request was not carried out yet", "value=\"" + receipt + "\"")
                .containsPattern(POW_TOKEN);
        // a garbled or a forged solution: said so in the reader's language
        Map<String, String> garbled = proved(noScript, false, "receiptCode", receipt);
        garbled.put("powSolution", "not-a-number");
        assertThat(trackOn(busy, visit, garbled, "zh-CN").body()).contains("防滥用校验未通过");
        Map<String, String> forged = proved(noScript, false, "receiptCode", receipt);
        String forgedProof = ProofOfWorkIT.solve(forged.get("powToken").replaceFirst("\\.[^.]+$", ".forged"), 1);
        forged.put("powToken", forgedProof.substring(0, forgedProof.lastIndexOf(':')));
        forged.put("powSolution", forgedProof.substring(forgedProof.lastIndexOf(':') + 1));
        Api.Response forgedAnswer = trackOn(busy, visit, forged, "en");
        assertThat(forgedAnswer.status()).isEqualTo(403);
        assertThat(forgedAnswer.body()).contains("was not accepted", "value=\"" + receipt + "\"");

        // solved: the case; the same solution again: refused as spent
        Map<String, String> solved = proved(noScript, true, "receiptCode", receipt);
        Api.Response shown = trackOn(busy, visit, solved, "en");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"status\">Received<").containsPattern(POW_TOKEN);
        Api.Response replayed = trackOn(busy, visit, solved, "en");
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.body()).contains("was not accepted").doesNotContain("id=\"status\"");

        // a request refused for its input or the case's state spends its proof on its one lookup: the case page
        // comes back marked, without a second lookup (which would need a second proof), with new challenges
        Api.Response blank = trackOn(busy, visit, proved(shown, true, "receiptCode", receipt, "action", "reply",
                "message", " "), "en");
        assertThat(blank.status()).as(blank.body()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"status\"", "id=\"message-error\"").containsPattern(POW_TOKEN);
        Api.Response notOpen = trackOn(busy, visit, proved(blank, true, "receiptCode", receipt, "action", "appeal",
                "reasons", "不服处理结果"), "en");
        assertThat(notOpen.status()).as(notOpen.body()).isEqualTo(400);
        assertThat(notOpen.body()).contains("id=\"status\"").containsPattern(POW_TOKEN);

        // a reply sent without a proof comes back with what was written kept, and goes once solved
        String reply = "订单号 <b>12345</b>";
        Api.Response unproved = trackOn(busy, visit, proved(notOpen, false, "receiptCode", receipt, "action", "reply",
                "message", reply), "en");
        assertThat(unproved.status()).isEqualTo(403);
        assertThat(unproved.body()).contains("name=\"action\" value=\"reply\"", "订单号 &lt;b&gt;12345&lt;/b&gt;</textarea>");
        Api.Response replied = trackOn(busy, visit, proved(unproved, true, "receiptCode", receipt, "action", "reply",
                "message", reply), "en");
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        assertThat(replied.body()).contains("What you added was received", "订单号 &lt;b&gt;12345&lt;/b&gt;");

        // another body: not asked for a proof, and the busy body's receipt opens nothing there
        Fixtures.FormVisit other = Fixtures.visit("/t/" + tenant.slug() + "/track",
                Api.Call.anonymous().header("Accept-Language", "en"));
        assertThat(other.page().body()).doesNotContain("powToken", "pow-noscript");
        Api.Response elsewhere = trackOn(tenant, other, proved(shown, true, "receiptCode", receipt), "en");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body()).contains("No report matches this receipt code").doesNotContain("id=\"status\"");
    }

    /** The fields of a tracking form: the first challenge on {@code page}, solved or not, and {@code fields}. */
    private static Map<String, String> proved(Api.Response page, boolean solve, String... fields) throws Exception {
        java.util.regex.Matcher challenge = POW_TOKEN.matcher(page.body());
        assertThat(challenge.find()).as(page.body()).isTrue();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            all.put(fields[i], fields[i + 1]);
        }
        String proof = solve ? ProofOfWorkIT.solve(challenge.group(1), Integer.parseInt(challenge.group(2))) : "";
        all.put("powToken", challenge.group(1));
        all.put("powSolution", solve ? proof.substring(proof.lastIndexOf(':') + 1) : "");
        return all;
    }

    private static Api.Response trackOn(Fixtures.TestTenant body, Fixtures.FormVisit visit, Map<String, String> fields,
                                        String language) {
        Map<String, String> all = visit.fields();
        all.putAll(fields);
        return api().postForm("/t/" + body.slug() + "/track", all, List.of(),
                visit.post().header("Accept-Language", language));
    }
}
