package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The staff console in a real browser, signed in through Keycloak's own login page: a case worked from staff intake to
 * closing; a supervisor approves an extension and opens an identity with a reason; an appeal reviewed by a second
 * handler; two browsers on one case; another body's handler finds nothing; a form without its token; a reporter's
 * markup; sign-out. Every page is checked by axe-core (WCAG 2.1 A/AA) and left as a screenshot, in both languages.
 */
class ConsoleIT {

    private static CaseHandlingIT.Desk desk;
    private static Fixtures.TestTenant other;
    private static String base;
    private static final List<Chromium> BROWSERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        desk = CaseHandlingIT.configured("INTERNET_CONTENT", "update deadline_policies set extension_amount = 10, "
                + "extension_unit = 'WORKING_DAYS', extension_needs_approval = true where tenant_id = ?::uuid "
                + "and stage = 'DECIDE'");
        other = Fixtures.onboard("INTERNET_CONTENT");
        other.staffToken("handler");
        base = api().base();
    }

    @AfterAll
    static void close() {
        BROWSERS.forEach(Chromium::close);
    }

    private static final java.util.Map<String, Chromium> SIGNED_IN = new java.util.HashMap<>();

    /** The browser of {@code name} of the body, signed in once for the whole class (signing in is tested each time). */
    static Chromium as(String name, Fixtures.TestTenant tenant) {
        return SIGNED_IN.computeIfAbsent(name + "@" + tenant.slug(), k -> {
            Chromium browser = signedIn(name, tenant);
            BROWSERS.add(browser);
            return browser;
        });
    }

    /** A new browser (a new person), signed in as {@code name} of the body at Keycloak's own login page. */
    static Chromium signedIn(String name, Fixtures.TestTenant tenant) {
        Chromium browser = Chromium.start();
        signIn(browser, name + "@" + tenant.slug() + ".example", Fixtures.PASSWORD);
        return browser;
    }

    /** Signs this browser in at Keycloak's own login page, from the console's start. */
    static void signIn(Chromium browser, String username, String password) {
        String base = api().base();
        browser.get(base + "/console/");
        assertThat(browser.driver.getCurrentUrl()).as("the console sends a stranger to Keycloak")
                .startsWith(Fixtures.platform().endpoints().issuer());
        browser.find("#username").sendKeys(username);
        if (browser.driver.findElements(By.id("password")).isEmpty()) {
            browser.loads(() -> browser.find("#kc-login").click()); // organizations on: the user name comes first
        }
        browser.find("#password").sendKeys(password);
        browser.loads(() -> browser.find("#kc-login").click());
        assertThat(browser.driver.getCurrentUrl()).startsWith(base + "/console/");
    }

    /** axe-core's check and a screenshot, in the language shown, and at a phone's width. */
    static void look(Chromium browser, String name) {
        browser.assertAccessible(name);
        browser.shot(name);
    }

    static void lookInBothLanguages(Chromium browser, String name) {
        String lang = browser.find("html").getAttribute("lang");
        look(browser, name + "-" + lang);
        browser.loads(() -> browser.find("nav.language a").click());
        String otherLang = browser.find("html").getAttribute("lang");
        assertThat(otherLang).isNotEqualTo(lang);
        look(browser, name + "-" + otherLang);
        browser.phoneShot(name + "-" + otherLang + "-phone");
        browser.loads(() -> browser.find("nav.language a").click());
    }

    static void step(Chromium browser, String step) {
        browser.loads(() -> browser.find("#step-" + step + " form button[type=submit]").click());
    }

    static String caseUrl(String id) {
        return base + "/console/cases/" + id;
    }

    static void assertNoAlert(Chromium browser) {
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    static String text(Chromium browser, String css) {
        return browser.find(css).getText();
    }

    @Test
    void aCaseIsWorkedFromStaffIntakeToClosing() {
        Chromium handler = as("handler", desk.tenant());
        handler.get(base + "/console/cases");
        assertThat(text(handler, "h1")).isEqualTo("案件");
        lookInBothLanguages(handler, "console-01-cases");

        handler.get(base + "/console/intake?lang=zh-CN");
        lookInBothLanguages(handler, "console-02-intake");
        new Select(handler.find("#channel")).selectByValue("hotline");
        new Select(handler.find("#category")).selectByValue("gambling");
        handler.find("#subjectValue").sendKeys("https://casino.example/hotline");
        String typed = "来电反映：该网站发布赌博广告。<script>alert(1)</script><img src=x onerror=alert(2)>";
        handler.find("#description").sendKeys(typed);
        handler.loads(() -> handler.find("main form button[type=submit]").click());

        String receipt = text(handler, "#receipt-code");
        assertThat(receipt).matches("[0-9A-Z]{4}( - [0-9A-Z]{4}){3}");
        assertThat(text(handler, "#claim-secret")).matches("[0-9A-Z]{4}( - [0-9A-Z]{4}){3}");
        assertThat(handler.driver.getCurrentUrl()).doesNotContain(receipt.replace(" ", ""));
        // ReceiptsNeverLoggedIT, last of the run, checks that neither reached any log line
        Fixtures.platform().remember(receipt.replace(" ", ""));
        Fixtures.platform().remember(text(handler, "#claim-secret").replace(" ", ""));
        look(handler, "console-03-intake-receipt-zh");
        String reference = text(handler, "#reference");
        String caseLink = handler.driver.findElement(By.linkText("打开案件")).getAttribute("href");
        // the receipt in English too: the page is the answer to a post, so another report is registered in English
        handler.get(base + "/console/intake?lang=en");
        new Select(handler.find("#channel")).selectByValue("post");
        new Select(handler.find("#category")).selectByValue("rumours");
        handler.find("#subjectValue").sendKeys("https://rumours.example/");
        // bad input first: no description, a malformed e-mail; both marked in English, what was typed kept, nothing filed
        long cases = Fixtures.rows("cases", desk.tenant().id());
        handler.find("#contactEmail").sendKeys("not-an-address");
        ((JavascriptExecutor) handler.driver).executeScript("document.querySelector('main form').noValidate = true");
        handler.loads(() -> handler.find("main form button[type=submit]").click());
        assertThat(text(handler, "#description-error")).isEqualTo("This is required.");
        assertThat(text(handler, "#contactEmail-error")).isEqualTo("Give a valid e-mail address.");
        assertThat(handler.find("#description").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(handler.find("#subjectValue").getAttribute("value")).isEqualTo("https://rumours.example/");
        assertThat(Fixtures.rows("cases", desk.tenant().id())).isEqualTo(cases);
        look(handler, "console-02-intake-bad-input-en");
        handler.find("#contactEmail").clear();
        handler.find("#description").sendKeys("A letter about a rumour site.");
        handler.loads(() -> handler.find("main form button[type=submit]").click());
        assertThat(text(handler, "h1")).isEqualTo("Report registered");
        look(handler, "console-03-intake-receipt-en");
        handler.get(caseLink + "?lang=zh-CN");
        String caseId = handler.driver.getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]+).*", "$1");

        // the reporter's markup is text
        assertNoAlert(handler);
        assertThat(text(handler, "#description")).isEqualTo(typed);
        assertThat(handler.driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(text(handler, "#status")).isEqualTo("已收到");
        assertThat(handler.find("ol.timeline").getText()).contains("工作人员登记");
        lookInBothLanguages(handler, "console-04-case-received");

        step(handler, "accept");
        assertThat(text(handler, "#status")).isEqualTo("已受理");
        assertThat(text(handler, "[role=status]")).contains("受理");

        new Select(handler.find("#assign-assignee")).selectByValue("handler@" + desk.tenant().slug() + ".example");
        step(handler, "assign");
        assertThat(text(handler, "#status")).isEqualTo("办理中");
        assertThat(text(handler, "#assignee")).startsWith("handler@");

        // bad input: the fields are marked in Chinese, and what was typed stays
        new Select(handler.find("#decide-outcome")).selectByValue("SUBSTANTIATED");
        handler.find("#decide-legalBasis").sendKeys("《网络信息内容生态治理规定》第六条");
        ((JavascriptExecutor) handler.driver).executeScript("document.querySelector('#step-decide form').noValidate = true");
        step(handler, "decide");
        assertThat(text(handler, "#decide-reasons-error")).isEqualTo("此项必填。");
        assertThat(text(handler, "#decide-actions-error")).isNotBlank();
        assertThat(handler.find("#decide-reasons").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(handler.find("#decide-legalBasis").getAttribute("value")).isEqualTo("《网络信息内容生态治理规定》第六条");
        assertThat(new Select(handler.find("#decide-outcome")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("SUBSTANTIATED");
        look(handler, "console-05-decide-bad-input-zh");

        handler.find("input[name=actions][value=CONTENT_REMOVED]").click();
        handler.find("#decide-reasons").sendKeys("经核实，举报属实，已删除相关信息。");
        step(handler, "decide");
        assertThat(text(handler, "#status")).isEqualTo("已作出决定");
        if (!handler.driver.findElements(By.id("step-feedback")).isEmpty()) {
            handler.find("#feedback-message").sendKeys("您举报的网站已处理。");
            step(handler, "feedback");
        }
        step(handler, "close");
        assertThat(text(handler, "#status")).isEqualTo("已办结");
        lookInBothLanguages(handler, "console-06-case-closed");

        JsonNode closed = desk.detail(caseId);
        assertThat(closed.get("summary").get("reference").asText()).isEqualTo(reference);
        assertThat(closed.get("summary").get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("handling").get("firstReceiver").asText()).startsWith("handler@");
    }

    /** A report with the reporter's identity on file, filed through the API; its case id and receipt code. */
    static CaseHandlingIT.Submitted confidentialReport() {
        var report = Fixtures.report("web", "gambling").put("anonymity", "CONFIDENTIAL");
        report.putObject("reporter").put("name", "张三");
        report.putObject("contact").put("phone", "+86 138 0000 0000");
        JsonNode receipt = Fixtures.submitted(desk.tenant(), report);
        String reference = receipt.get("reference").asText();
        JsonNode found = api().get(desk.cases() + "?q=" + reference, new Api.Call().bearer(desk.handler())).json();
        return new CaseHandlingIT.Submitted(found.get("items").get(0).get("id").asText(), reference,
                receipt.get("receiptCode").asText());
    }

    @Test
    void aSupervisorApprovesAnExtensionAndOpensTheReportersIdentityWithAReason() {
        CaseHandlingIT.Submitted c = confidentialReport();
        desk.step(c.id(), "accept", body());
        {
            Chromium handler = as("handler", desk.tenant());
            Chromium supervisor = as("supervisor", desk.tenant());
            handler.get(caseUrl(c.id()));
            new Select(handler.find("#request-extension-stage")).selectByValue("DECIDE");
            handler.find("#request-extension-reason").sendKeys("需要现场核查");
            step(handler, "request-extension");
            assertThat(handler.find("#main").getText()).contains("待主管审批");
            assertThat(handler.driver.findElements(By.cssSelector("input[name=requestId]"))).as("handlers cannot answer").isEmpty();
            assertThat(handler.driver.findElements(By.id("identity-reason"))).as("handlers cannot open identities").isEmpty();

            supervisor.get(caseUrl(c.id()));
            lookInBothLanguages(supervisor, "console-07-extension-request");
            WebElement request = supervisor.find("[id^=extension-]");
            request.findElement(By.cssSelector("input[name=approve][value=true]")).click();
            request.findElement(By.cssSelector("textarea[name=reason]")).sendKeys("同意延期十个工作日");
            supervisor.loads(() -> request.findElement(By.cssSelector("button[type=submit]")).click());
            assertThat(supervisor.find("[id^=extension-]").getText()).contains("已批准");
            assertThat(desk.detail(c.id()).get("extensionRequests").get(0).get("status").asText()).isEqualTo("APPROVED");

            // the identity: the page says the opening is recorded before it is opened; a reason is required
            assertThat(text(supervisor, "#identity + section .notice")).contains("审计记录");
            supervisor.find("#identity-reason").sendKeys("太短");
            supervisor.loads(() -> supervisor.find("#identity-reason").submit());
            assertThat(text(supervisor, "#identity-reason-error")).isNotBlank();
            assertThat(Fixtures.auditReasons(desk.tenant(), "IDENTITY_VIEWED")).isEmpty();
            String reason = "核实举报人身份以便联系补充证据";
            supervisor.find("#identity-reason").clear();
            supervisor.find("#identity-reason").sendKeys(reason);
            supervisor.loads(() -> supervisor.find("#identity-reason").submit());
            assertThat(text(supervisor, "#reporter-identity")).contains("张三");
            assertThat(text(supervisor, "#reporter-contact")).contains("138");
            assertThat(supervisor.driver.getCurrentUrl()).doesNotContain("identity=");
            lookInBothLanguagesOnce(supervisor, "console-08-identity");
            assertThat(Fixtures.auditReasons(desk.tenant(), "IDENTITY_VIEWED")).containsExactly(reason);
            supervisor.get(caseUrl(c.id()) + "?lang=en");
            supervisor.find("#identity-reason").sendKeys("To call the reporter about the evidence");
            supervisor.loads(() -> supervisor.find("#identity-reason").submit());
            assertThat(text(supervisor, "h1")).startsWith("Reporter's identity");
            look(supervisor, "console-08-identity-en");
            supervisor.get(caseUrl(c.id()) + "?lang=zh-CN");
            assertThat(Fixtures.auditReasons(desk.tenant(), "IDENTITY_VIEWED")).hasSize(2);
        }
    }

    @Test
    void aSupervisorPlacesAndReleasesALegalHoldWithAReasonAndAnErasedCaseSaysSo() throws Exception {
        CaseHandlingIT.Submitted c = desk.submit();
        desk.step(c.id(), "accept", body());
        Chromium handler = as("handler", desk.tenant());
        handler.get(caseUrl(c.id()));
        assertThat(handler.driver.findElements(By.id("step-legal-hold"))).as("handlers cannot hold a case").isEmpty();

        Chromium supervisor = as("supervisor", desk.tenant());
        supervisor.get(caseUrl(c.id()) + "?lang=zh-CN");
        supervisor.find("#legal-hold-reason").sendKeys("太短");
        step(supervisor, "legal-hold");
        assertThat(supervisor.find("#legal-hold-reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text(supervisor, "#legal-hold-reason-error")).contains("10");
        assertThat(desk.detail(c.id()).get("handling").hasNonNull("legalHold")).as("nothing written").isFalse();
        supervisor.find("#legal-hold-reason").clear();
        supervisor.find("#legal-hold-reason").sendKeys("法院调取案卷，诉讼结束前保留");
        step(supervisor, "legal-hold");
        assertThat(text(supervisor, "#legal-hold")).contains("法院调取案卷", "supervisor@");
        supervisor.get(caseUrl(c.id()));
        lookInBothLanguages(supervisor, "console-19-legal-hold");
        assertThat(Fixtures.auditReasons(desk.tenant(), "LEGAL_HOLD_PLACED")).contains("法院调取案卷，诉讼结束前保留");
        supervisor.find("#release-legal-hold-reason").sendKeys("判决已生效，解除保留");
        step(supervisor, "release-legal-hold");
        assertThat(supervisor.driver.findElements(By.id("legal-hold"))).isEmpty();
        assertThat(supervisor.driver.findElements(By.id("step-legal-hold"))).hasSize(1);

        // a case whose retention ended: the page says its content was erased, and no hold can be placed
        CaseHandlingIT.Submitted old = desk.submit();
        desk.step(old.id(), "reject", body().put("reason", "不属于本平台受理范围"));
        try (java.sql.Connection db = Fixtures.platform().ownerConnection();
             java.sql.PreparedStatement s = db.prepareStatement("update cases set updated_at = updated_at - interval '25 months'"
                     + " where tenant_id = ?::uuid and id = ?::uuid")) {
            s.setString(1, desk.tenant().id());
            s.setString(2, old.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        jakarta.enterprise.inject.spi.CDI.current().select(io.qinglang.platform.retention.application.RetentionPurge.class)
                .get().run(java.time.Instant.now());
        supervisor.get(caseUrl(old.id()) + "?lang=zh-CN");
        assertThat(text(supervisor, "#purged")).isNotBlank();
        assertThat(text(supervisor, "#description")).contains("已清除");
        assertThat(supervisor.driver.findElements(By.id("step-legal-hold"))).isEmpty();
        lookInBothLanguages(supervisor, "console-20-erased-case");
    }

    /** The identity page is the answer to a post: shown once, so its other language is not fetched again. */
    static void lookInBothLanguagesOnce(Chromium browser, String name) {
        look(browser, name + "-" + browser.find("html").getAttribute("lang"));
    }

    @Test
    void anAppealIsReviewedByASecondHandlerNotTheOneWhoDecided() {
        CaseHandlingIT.Submitted c = desk.submit();
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("assignee", "handler@" + desk.tenant().slug() + ".example"));
        CaseHandlingIT.decideAndClose(desk, desk.handler(), c.id(), CaseHandlingIT.decision("UNSUBSTANTIATED", "未发现违法信息。"));
        Api.Response appealed = desk.tracking("appeal", body().put("receiptCode", c.receipt()).put("reasons", "该网站仍在发布赌博广告"));
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);

        {
            Chromium decider = as("handler", desk.tenant());
            Chromium reviewer = as("handler2", desk.tenant());
            decider.get(caseUrl(c.id()));
            assertThat(text(decider, "#status")).isEqualTo("申诉复核中");
            assertThat(decider.driver.findElements(By.id("step-review"))).as("the decider does not review").isEmpty();

            reviewer.get(caseUrl(c.id()));
            lookInBothLanguages(reviewer, "console-09-appeal-review");
            reviewer.find("#review-uphold").click();
            reviewer.find("#review-reasons").sendKeys("复核认为原决定正确。");
            step(reviewer, "review");
            assertThat(text(reviewer, "#status")).isEqualTo("已办结");
            assertThat(reviewer.find("ol.timeline").getText()).contains("复核维持");
        }
    }

    @Test
    void whenTwoPeopleEditOneCaseTheSecondIsToldOfTheChangeAndKeepsWhatTheyTyped() {
        CaseHandlingIT.Submitted c = desk.submit();
        {
            Chromium first = as("handler", desk.tenant());
            Chromium second = as("handler2", desk.tenant());
            first.get(caseUrl(c.id()));
            second.get(caseUrl(c.id()));
            first.find("#note-text").sendKeys("已电话联系被举报网站。");
            step(first, "note");
            assertThat(text(first, "[role=status]")).contains("内部备注");

            String mine = "我的备注：请勿覆盖 <b>粗体</b>";
            second.find("#note-text").sendKeys(mine);
            step(second, "note");
            assertThat(text(second, "#changed")).contains("案件已有变化").contains("已电话联系被举报网站。");
            assertThat(second.find("#note-text").getAttribute("value")).isEqualTo(mine);
            assertThat(second.find("ol.timeline").getText()).doesNotContain("我的备注");
            lookInBothLanguagesOnce(second, "console-10-changed-meanwhile");

            step(second, "note"); // sent again, now against the version it was shown
            assertThat(second.find("ol.timeline").getText()).contains(mine).contains("已电话联系被举报网站。");
            assertThat(second.driver.findElements(By.cssSelector("ol.timeline b"))).as("markup stays text").isEmpty();
        }
    }

    @Test
    void aHandlerOfAnotherBodyFindsNeitherTheCaseNorItInTheList() throws Exception {
        CaseHandlingIT.Submitted c = desk.submit();
        {
            Chromium stranger = as("handler", other);
            stranger.get(caseUrl(c.id()));
            assertThat(text(stranger, "h1")).isEqualTo("页面不存在");
            assertThat(stranger.find("main").getText()).doesNotContain(c.reference());
            look(stranger, "console-11-other-body-not-found-zh");
            stranger.get(caseUrl(c.id()) + "?lang=en");
            assertThat(text(stranger, "h1")).isEqualTo("Page not found");
            look(stranger, "console-11-other-body-not-found-en");
            stranger.get(base + "/console/cases?lang=zh-CN");
            assertThat(statusWithCookies(stranger, "/console/cases/" + c.id())).isEqualTo(404);
            assertThat(statusWithCookies(stranger, "/console/cases/" + c.id() + "/files/" + java.util.UUID.randomUUID()))
                    .isEqualTo(404);

            stranger.get(base + "/console/cases?q=" + c.reference());
            assertThat(stranger.find("main").getText()).contains("没有符合条件的案件").doesNotContain(c.reference());
            // a step posted at the other body's case, with this session's own token, finds nothing and writes nothing
            long events = desk.detail(c.id()).get("timeline").size();
            assertThat(postWithCookies(stranger, "/console/cases/" + c.id() + "/steps/note",
                    "text=x&version=1&csrf=" + csrfOf(stranger))).isEqualTo(404);
            assertThat(desk.detail(c.id()).get("timeline").size()).isEqualTo(events);
        }
    }

    @Test
    void aReportersMarkupFromThePortalIsTextOnTheCasePage() {
        String typed = "<script>alert(9)</script><img src=x onerror=alert(10)>网站发布赌博广告";
        JsonNode receipt = Fixtures.submitted(desk.tenant(), Fixtures.report("web", "gambling").put("description", typed));
        String id = api().get(desk.cases() + "?q=" + receipt.get("reference").asText(), new Api.Call().bearer(desk.handler()))
                .json().get("items").get(0).get("id").asText();
        Chromium handler = as("handler", desk.tenant());
        handler.get(caseUrl(id));
        assertNoAlert(handler);
        assertThat(text(handler, "#description")).isEqualTo(typed);
        assertThat(handler.driver.findElements(By.cssSelector("main img, main script"))).isEmpty();
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefusedAndNothingIsWritten() {
        CaseHandlingIT.Submitted c = desk.submit();
        {
            Chromium handler = as("handler", desk.tenant());
            handler.get(caseUrl(c.id()));
            long events = desk.detail(c.id()).get("timeline").size();
            handler.find("#note-text").sendKeys("没有令牌的备注");
            ((JavascriptExecutor) handler.driver).executeScript("document.querySelector('#step-note input[name=csrf]').remove();");
            step(handler, "note");
            assertThat(text(handler, "h1")).contains("表单已过期");
            look(handler, "console-12-csrf-refused-zh");
            handler.get(caseUrl(c.id()) + "?lang=en");
            ((JavascriptExecutor) handler.driver).executeScript("document.querySelector('#step-note input[name=csrf]').remove();");
            handler.find("#note-text").sendKeys("a note without its token");
            step(handler, "note");
            assertThat(text(handler, "h1")).contains("expired");
            look(handler, "console-12-csrf-refused-en");
            handler.get(caseUrl(c.id()) + "?lang=zh-CN");
            assertThat(desk.detail(c.id()).get("timeline").size()).isEqualTo(events);
        }
    }

    @Test
    void signingOutEndsTheSessionHereAndAtKeycloakAndTheBackButtonShowsNothing() throws Exception {
        CaseHandlingIT.Submitted c = desk.submit();
        Chromium handler = signedIn("handler", desk.tenant());
        try (handler) {
            handler.get(caseUrl(c.id()));
            assertThat(handler.find("main").getText()).contains(c.reference());
            String session = handler.driver.manage().getCookieNamed("qinglang_session").getValue();
            assertThat(handler.driver.manage().getCookieNamed("qinglang_session").isHttpOnly()).isTrue();
            handler.loads(() -> handler.find("nav.console form button").click());
            assertThat(handler.driver.getCurrentUrl()).startsWith(base + "/console/signed-out");
            assertThat(text(handler, "h1")).isEqualTo("您已退出登录");
            lookInBothLanguages(handler, "console-13-signed-out");

            handler.driver.navigate().back();
            assertThat(handler.find("body").getText()).doesNotContain(c.reference());
            assertThat(statusWithCookie("/console/cases/" + c.id(), "qinglang_session=" + session)).isEqualTo(303);
            handler.get(base + "/console/");
            assertThat(handler.driver.getCurrentUrl()).as("Keycloak's session ended too: it asks again")
                    .startsWith(Fixtures.platform().endpoints().issuer());
            assertThat(handler.driver.findElements(By.id("username"))).isNotEmpty();
        }
    }

    @Test
    void anAccountWithoutAStaffRoleIsToldSoAndGetsNoSession() {
        String email = "visitor@" + desk.tenant().slug() + ".example";
        jakarta.enterprise.inject.spi.CDI.current()
                .select(io.qinglang.admin.onboarding.application.OrganizationDirectory.class).get()
                .addMember(desk.tenant().organizationId(), email, "Test", "visitor", java.util.Set.of());
        Fixtures.activateUser(email);
        try (Chromium visitor = Chromium.start()) {
            visitor.get(base + "/console/");
            visitor.find("#username").sendKeys(email);
            if (visitor.driver.findElements(By.id("password")).isEmpty()) {
                visitor.loads(() -> visitor.find("#kc-login").click());
            }
            visitor.find("#password").sendKeys(Fixtures.PASSWORD);
            visitor.loads(() -> visitor.find("#kc-login").click());
            assertThat(text(visitor, "h1")).isEqualTo("无法进入工作台");
            assertThat(text(visitor, "[role=alert]")).contains("没有工作人员角色");
            assertThat(visitor.driver.manage().getCookieNamed("qinglang_session")).isNull();
            lookInBothLanguagesOnce(visitor, "console-14-no-staff-role");
            visitor.get(base + "/console/signed-out?lang=en"); // the language is remembered; Keycloak still knows them
            visitor.get(base + "/console/");
            assertThat(text(visitor, "h1")).isEqualTo("No access to the console");
            look(visitor, "console-14-no-staff-role-en");
        }
    }

    @Test
    void aBadFilterIsMarkedInTheReadersLanguage() {
        {
            Chromium handler = as("handler", desk.tenant());
            handler.get(base + "/console/cases?to=2026-02-30&lang=zh-CN");
            assertThat(handler.find("#to").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(text(handler, "#to-error")).isEqualTo("请填写日期（年-月-日）。");
            look(handler, "console-15-bad-filter-zh");
            handler.get(base + "/console/cases?to=2026-02-30&lang=en");
            assertThat(text(handler, "#to-error")).isEqualTo("Give a date (year-month-day).");
            look(handler, "console-15-bad-filter-en");
            handler.get(base + "/console/cases?lang=zh-CN");
        }
    }

    static String csrfOf(Chromium browser) {
        return browser.find("input[name=csrf]").getAttribute("value");
    }

    static int statusWithCookies(Chromium browser, String path) throws Exception {
        return statusWithCookie(path, cookies(browser));
    }

    private static String cookies(Chromium browser) {
        return browser.driver.manage().getCookies().stream().map(k -> k.getName() + "=" + k.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static int statusWithCookie(String path, String cookie) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api().base() + path)).header("Cookie", cookie).GET().build();
        return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int postWithCookies(Chromium browser, String path, String form) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api().base() + path)).header("Cookie", cookies(browser))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    @Test
    void eachQueuesCountIsTheNumberOfCasesItsListShows() {
        CaseHandlingIT.Submitted waiting = desk.submit();
        desk.step(waiting.id(), "request-information", body().put("question", "请补充截图"));
        CaseHandlingIT.Submitted mine = desk.submit();
        desk.step(mine.id(), "accept", body());
        desk.step(mine.id(), "assign", body().put("assignee", "handler@" + desk.tenant().slug() + ".example"));
        desk.step(mine.id(), "extension-requests", body().put("stage", "DECIDE").put("reason", "需要现场核查"));
        desk.submit();
        for (String name : List.of("handler", "supervisor")) {
            Chromium browser = as(name, desk.tenant());
            browser.get(base + "/console/?lang=zh-CN");
            assertThat(text(browser, "h1")).isEqualTo("我的待办");
            lookInBothLanguages(browser, "console-00-queues-" + name);
            List<String> queues = browser.driver.findElements(By.cssSelector("ul.queues li")).stream()
                    .map(li -> li.getAttribute("id")).toList();
            assertThat(queues).contains("queue-mine", "queue-unassigned", "queue-waiting", "queue-overdue", "queue-appeals");
            assertThat(queues.contains("queue-extensions")).isEqualTo(name.equals("supervisor"));
            for (String queue : queues) {
                WebElement link = browser.find("#" + queue + " a");
                long count = Long.parseLong(link.findElement(By.className("count")).getText());
                String href = link.getAttribute("href");
                long listed = 0;
                String next = href + "&limit=100";
                while (next != null) {
                    browser.get(next);
                    listed += browser.driver.findElements(By.cssSelector("table.cases tbody tr")).size();
                    List<WebElement> more = browser.driver.findElements(By.cssSelector("a[rel=next]"));
                    next = more.isEmpty() ? null : more.get(0).getAttribute("href");
                }
                assertThat(listed).as(name + " " + queue).isEqualTo(count);
                browser.get(base + "/console/");
            }
            assertThat(Long.parseLong(browser.find("#queue-waiting .count").getText())).isGreaterThanOrEqualTo(1);
        }
        Chromium supervisor = as("supervisor", desk.tenant());
        supervisor.get(base + "/console/");
        supervisor.loads(() -> supervisor.find("#queue-extensions a").click());
        assertThat(supervisor.find("#queue-filters").getText()).contains("有待审批的延期申请");
        assertThat(supervisor.find("table.cases").getText()).contains(mine.reference());
        look(supervisor, "console-16-queue-extensions-zh");
    }

    @Test
    void aRewardIsProposedApprovedByASupervisorClaimedAndItsPaymentRecorded() {
        Api.Response rule = api().postJson("/api/v1/tenants/" + desk.tenant().slug() + "/configuration/reward-rules",
                body().put("kind", "FIXED").put("amount", 300), new Api.Call().bearer(desk.tenant().adminToken()));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        JsonNode receipt = Fixtures.submitted(desk.tenant(), Fixtures.report("web", "gambling"));
        String id = api().get(desk.cases() + "?q=" + receipt.get("reference").asText(), new Api.Call().bearer(desk.handler()))
                .json().get("items").get(0).get("id").asText();
        desk.step(id, "accept", body());
        desk.step(id, "assign", body().put("assignee", "handler@" + desk.tenant().slug() + ".example"));
        desk.step(id, "decide", CaseHandlingIT.decision("SUBSTANTIATED", "经核实，举报属实。"));

        Chromium handler = as("handler", desk.tenant());
        handler.get(caseUrl(id));
        handler.find("#reward-propose-note").sendKeys("举报属实，建议奖励");
        handler.loads(() -> handler.find("#step-reward-propose form button").click());
        assertThat(text(handler, "#rewards ~ .reward")).contains("待主管审批").contains("300");
        assertThat(handler.driver.findElements(By.id("step-reward-answer"))).as("a handler does not approve").isEmpty();

        Chromium supervisor = as("supervisor", desk.tenant());
        supervisor.get(caseUrl(id));
        lookInBothLanguages(supervisor, "console-17-reward-proposed");
        supervisor.find("#reward-approve").click();
        supervisor.find("#reward-answer-reason").sendKeys("举报属实，核定奖励");
        supervisor.loads(() -> supervisor.find("#step-reward-answer form button").click());
        assertThat(text(supervisor, "#rewards ~ .reward")).contains("待举报人申领");

        var claim = body().put("receiptCode", receipt.get("receiptCode").asText())
                .put("claimSecret", receipt.get("claimSecret").asText());
        claim.putObject("payment").put("method", "BANK_TRANSFER").put("account", "6222 0000 1111 2222").put("accountName", "匿名举报人");
        Api.Response claimed = api().postJson("/api/v1/tenants/" + desk.tenant().slug() + "/tracking/reward-claim", claim,
                Api.Call.anonymous());
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);

        supervisor.get(caseUrl(id));
        supervisor.find("#reward-payment-details-reason").sendKeys("核对领奖账户以便转账发放");
        supervisor.loads(() -> supervisor.find("#step-reward-payment-details form button").click());
        assertThat(text(supervisor, "#payment-account")).isEqualTo("6222 0000 1111 2222");
        look(supervisor, "console-18-payment-details-zh");
        supervisor.get(caseUrl(id) + "?lang=en");
        supervisor.find("#reward-payment-details-reason").sendKeys("To check the account before the transfer");
        supervisor.loads(() -> supervisor.find("#step-reward-payment-details form button").click());
        assertThat(text(supervisor, "h1")).isEqualTo("Payment details");
        look(supervisor, "console-18-payment-details-en");
        supervisor.get(caseUrl(id) + "?lang=zh-CN");
        assertThat(Fixtures.auditReasons(desk.tenant(), "PAYMENT_DETAILS_VIEWED")).contains("核对领奖账户以便转账发放");

        supervisor.get(caseUrl(id));
        ((JavascriptExecutor) supervisor.driver).executeScript("document.querySelector('#step-reward-payment form').noValidate = true");
        supervisor.loads(() -> supervisor.find("#step-reward-payment form button").click()); // no reference: refused
        assertThat(text(supervisor, "#reward-payment-reference-error")).isEqualTo("此项必填。");
        supervisor.find("#reward-payment-reference").sendKeys("BANK-TX-0042");
        supervisor.loads(() -> supervisor.find("#step-reward-payment form button").click());
        assertThat(text(supervisor, "#rewards ~ .reward")).contains("已发放").contains("BANK-TX-0042");
        look(supervisor, "console-19-reward-paid-zh");
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndAfterItsMaximumAgeWhateverItsUse() throws Exception {
        try (Chromium handler = signedIn("handler", desk.tenant())) {
            for (String ended : List.of("expires_at = now() - interval '1 second'", "created_at = now() - interval '11 hours'")) {
                handler.get(base + "/console/cases");
                String cookie = "qinglang_session=" + handler.driver.manage().getCookieNamed("qinglang_session").getValue();
                assertThat(statusWithCookie("/console/cases", cookie)).isEqualTo(200);
                try (java.sql.Connection c = Fixtures.platform().ownerConnection();
                     java.sql.PreparedStatement update = c.prepareStatement("update console_sessions set " + ended
                             + " where id_hash = sha256(convert_to(?, 'UTF8'))")) {
                    update.setString(1, cookie.substring(cookie.indexOf('=') + 1));
                    assertThat(update.executeUpdate()).as("only a hash of the key is stored").isEqualTo(1);
                }
                assertThat(statusWithCookie("/console/cases", cookie)).as(ended).isEqualTo(303);
                handler.get(base + "/console/"); // Keycloak still knows the browser: a new session, a new key
                assertThat(handler.driver.manage().getCookieNamed("qinglang_session").getValue())
                        .isNotEqualTo(cookie.substring(cookie.indexOf('=') + 1));
            }
            // a deep link comes back whole through sign-in: a search in Chinese, two statuses
            handler.driver.manage().deleteCookieNamed("qinglang_session");
            handler.get(base + "/console/cases?q=%E8%B5%8C%E5%8D%9A&status=RECEIVED&status=ACCEPTED");
            assertThat(handler.driver.getCurrentUrl()).startsWith(base + "/console/cases?");
            assertThat(handler.find("#q").getAttribute("value")).isEqualTo("赌博");
            assertThat(handler.driver.findElements(By.cssSelector("input[name=status]:checked"))).hasSize(2);
        }
    }
}
