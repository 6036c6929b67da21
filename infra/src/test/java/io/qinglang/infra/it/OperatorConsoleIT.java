package io.qinglang.infra.it;

import io.qinglang.infra.dev.ReceivedMail;
import io.qinglang.infra.server.BackgroundJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.qinglang.infra.it.ConsoleIT.look;
import static io.qinglang.infra.it.ConsoleIT.lookInBothLanguages;
import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform operator's pages in a real browser, signed in at Keycloak's own login page: the bodies on the platform;
 * a template's defaults shown before it is adopted; onboarding with bad input (every field marked in the reader's
 * language, nothing written), a slug already taken, then a good onboarding and its invitation e-mail; suspension
 * refused without a reason, then audited with one, reactivation, and a double submit answered 409; the platform's
 * health; and a body's staff kept out (403), as the operator is kept out of a body's cases. Every page is checked by
 * axe-core and left as a screenshot in both languages and at a phone's width.
 */
class OperatorConsoleIT {

    private static final List<Chromium> BROWSERS = new ArrayList<>();
    private static Chromium operator;

    @BeforeAll
    static void start() {
        operator = signedInAsOperator();
        BROWSERS.add(operator);
    }

    @AfterAll
    static void close() {
        BROWSERS.forEach(Chromium::close);
    }

    private static String base() {
        return api().base();
    }

    /** A new browser signed in as the platform operator; the console's start sends them to the bodies. */
    public static Chromium signedInAsOperator() {
        Chromium browser = signedIn(Fixtures.platform().endpoints().operatorUsername(),
                Fixtures.platform().endpoints().operatorPassword());
        assertThat(browser.driver.getCurrentUrl()).startsWith(base() + "/console/platform");
        return browser;
    }

    /** A new browser (a new person) signed in at Keycloak's login page, which asks the user name first. */
    static Chromium signedIn(String username, String password) {
        Chromium browser = Chromium.start();
        ConsoleIT.signIn(browser, username, password);
        return browser;
    }

    /**
     * Onboards a body through the pages as {@code operator} (signed in with {@link #signedInAsOperator()}): the
     * template chosen and its defaults shown, the body's details and first admin typed in, and the body's page reached,
     * saying the invitation was sent. Returns the body's id as the API knows it.
     */
    public static String onboardInBrowser(Chromium operator, String slug, String template, String adminEmail) {
        operator.get(base() + "/console/platform/onboard?template=" + template);
        fillOnboarding(operator, Map.of("slug", slug, "nameZh", "测试机构 " + slug, "nameEn", "Test body " + slug,
                "contactEmail", "contact@" + slug + ".example", "admin.email", adminEmail, "admin.firstName", "Ada",
                "admin.lastName", "Admin"));
        operator.loads(() -> operator.find("#onboard-form button[type=submit]").click());
        assertThat(operator.driver.getCurrentUrl()).as(operator.find("main").getText())
                .startsWith(base() + "/console/platform/bodies/" + slug);
        assertThat(operator.find("#notice").getAttribute("role")).isEqualTo("status");
        assertThat(operator.find("#slug").getText()).isEqualTo(slug);
        Api.Response body = api().get("/api/v1/platform/tenants/" + slug, operatorCall());
        assertThat(body.status()).isEqualTo(200);
        assertThat(body.json().get("template").asText()).isEqualTo(template);
        return body.json().get("id").asText();
    }

    private static void fillOnboarding(Chromium browser, Map<String, String> fields) {
        fields.forEach((name, value) -> {
            WebElement field = browser.driver.findElement(By.id(name));
            field.clear();
            field.sendKeys(value);
        });
    }

    private static Api.Call operatorCall() {
        return new Api.Call().bearer(api().operatorToken());
    }

    private static String status(String slug) {
        return api().get("/api/v1/platform/tenants/" + slug, operatorCall()).json().get("status").asText();
    }

    /** When the body's newest audit event happened, as the pages show it (Asia/Shanghai, to the minute). */
    private static String newestEvent(Fixtures.TestTenant body) {
        try (var c = Fixtures.platform().ownerConnection();
             var s = c.prepareStatement("select occurred_at, action from audit_events where tenant_id = ?::uuid "
                     + "order by id desc limit 1")) {
            s.setString(1, body.id());
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getString("action")).isEqualTo("CASE_RECEIVED");
                return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(rs.getTimestamp(1).toInstant());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String css) {
        return operator.find(css).getText();
    }

    @Test
    void theBodiesAreListedWithTheirTemplateStateAndLastActivity() {
        Fixtures.TestTenant busy = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.submitted(busy, Fixtures.report("web", "gambling"));

        operator.get(base() + "/console/platform?lang=zh-CN");
        assertThat(text("h1")).isEqualTo("平台上的机构");
        WebElement row = operator.find("tr[data-body='" + busy.slug() + "']");
        assertThat(row.getText()).contains("测试机构 " + busy.slug(), busy.slug(), "互联网信息服务（违法和不良信息）", "正常");
        assertThat(row.findElement(By.className("last-activity")).getText()).as("the newest audit event, the report's")
                .isEqualTo(newestEvent(busy));
        lookInBothLanguages(operator, "operator-01-bodies");

        operator.get(base() + "/console/platform?lang=en");
        assertThat(operator.find("tr[data-body='" + busy.slug() + "']").getText()).contains("Test body " + busy.slug(),
                "Internet information service (harmful content)", "Active");
        operator.loads(() -> operator.driver.findElement(By.linkText("Test body " + busy.slug())).click());
        assertThat(operator.driver.getCurrentUrl()).isEqualTo(base() + "/console/platform/bodies/" + busy.slug());
        assertThat(text("h1")).isEqualTo("Test body " + busy.slug());
        assertThat(text("#status")).contains("Active");
        lookInBothLanguages(operator, "operator-02-body");
    }

    @Test
    void aTemplatesDefaultsAreShownBeforeItIsAdoptedWithoutScripts() {
        operator.get(base() + "/console/platform/onboard?lang=zh-CN");
        assertThat(operator.find("#template-INTERNET_CONTENT").isSelected()).isTrue();
        operator.find("#template-CONSUMER_COMPLAINTS").click();
        operator.loads(() -> operator.find("#show-defaults").click());

        assertThat(operator.driver.getCurrentUrl()).contains("template=CONSUMER_COMPLAINTS");
        assertThat(text("#chosen-template")).isEqualTo("消费投诉（12315 规则）");
        assertThat(operator.find("input[type=hidden][name=template]").getAttribute("value")).isEqualTo("CONSUMER_COMPLAINTS");
        assertThat(operator.driver.findElements(By.cssSelector("#default-channels li"))).hasSize(4);
        assertThat(operator.driver.findElements(By.cssSelector("#default-categories tbody tr"))).hasSize(7);
        assertThat(text("#default-policies tr[data-stage=DECIDE]")).contains("决定", "60");
        assertThat(text("#default-policies tr[data-stage=ACCEPT]")).contains("7", "工作日");
        assertThat(operator.find("#timeZone").getAttribute("value")).isEqualTo("Asia/Shanghai");
        lookInBothLanguages(operator, "operator-03-onboard-defaults");
        assertThat(operator.driver.getCurrentUrl()).as("the language switch keeps the template")
                .contains("template=CONSUMER_COMPLAINTS");
    }

    @Test
    void badOnboardingInputIsMarkedWithNothingWrittenThenAGoodOneInvitesTheFirstAdmin() {
        String slug = Fixtures.uniqueSlug("op");
        String adminEmail = "first-admin@" + slug + ".example";
        operator.get(base() + "/console/platform/onboard?template=EU_WHISTLEBLOWING&lang=zh-CN");
        fillOnboarding(operator, Map.of("slug", slug, "nameZh", "测试机构 " + slug, "timeZone", "Mars/Olympus",
                "contactEmail", "not-an-address", "admin.email", adminEmail, "admin.firstName", "Ada"));
        ((JavascriptExecutor) operator.driver).executeScript("document.querySelector('#onboard-form').noValidate = true");
        operator.loads(() -> operator.find("#onboard-form button[type=submit]").click());

        assertThat(text("#form-errors")).contains("请更正");
        assertThat(text("#nameEn-error")).isEqualTo("此项必填。");
        assertThat(text("#contactEmail-error")).isEqualTo("请填写有效的电子邮箱地址。");
        assertThat(text("#timeZone-error")).isEqualTo("请填写时区，如 Asia/Shanghai。");
        assertThat(operator.driver.findElement(By.id("admin.lastName-error")).getText()).isEqualTo("此项必填。");
        assertThat(operator.find("#nameEn").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(operator.find("#slug").getAttribute("value")).as("what was typed is kept").isEqualTo(slug);
        assertThat(operator.driver.findElement(By.id("admin.email")).getAttribute("value")).isEqualTo(adminEmail);
        assertThat(text("#chosen-template")).isEqualTo("欧盟吹哨人举报渠道");
        assertThat(api().get("/api/v1/platform/tenants/" + slug, operatorCall()).status()).as("nothing written")
                .isEqualTo(404);
        look(operator, "operator-04-onboard-bad-input-zh");

        // a malformed slug, in English
        operator.get(base() + "/console/platform/onboard?template=EU_WHISTLEBLOWING&lang=en");
        fillOnboarding(operator, Map.of("slug", "Not A Slug", "nameZh", "测试机构", "nameEn", "Test body",
                "contactEmail", "contact@example.org", "admin.email", adminEmail, "admin.firstName", "Ada",
                "admin.lastName", "Admin"));
        operator.loads(() -> operator.find("#onboard-form button[type=submit]").click());
        assertThat(text("#slug-error")).isEqualTo("Use 3–40 lower-case letters, digits or hyphens, starting with a letter.");
        assertThat(operator.driver.findElements(By.cssSelector(".error"))).hasSize(1);
        look(operator, "operator-04-onboard-bad-slug-en");

        String id = onboardInBrowser(operator, slug, "EU_WHISTLEBLOWING", adminEmail);
        assertThat(text("#notice")).isEqualTo("The body was onboarded and its first admin was sent the invitation e-mail.");
        assertThat(text("#status")).contains("Active");
        ReceivedMail invitation = OnboardingIT.invitationTo(adminEmail);
        assertThat(invitation).as("the invitation e-mail in the SMTP catcher").isNotNull();
        assertThat(Fixtures.rows("deadline_policies", id)).isEqualTo(2);
        lookInBothLanguages(operator, "operator-05-onboarded");

        // the same slug again: the slug is marked, nothing else is made
        operator.get(base() + "/console/platform/onboard?template=INTERNET_CONTENT&lang=zh-CN");
        fillOnboarding(operator, Map.of("slug", slug, "nameZh", "另一机构", "nameEn", "Another body",
                "contactEmail", "contact@example.org", "admin.email", "someone-else@" + slug + ".example",
                "admin.firstName", "Bo", "admin.lastName", "Other"));
        operator.loads(() -> operator.find("#onboard-form button[type=submit]").click());
        assertThat(text("#slug-error")).isEqualTo("该标识已被其他机构使用，请另选一个。");
        assertThat(operator.find("#slug").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api().get("/api/v1/platform/tenants/" + slug, operatorCall()).json().get("template").asText())
                .isEqualTo("EU_WHISTLEBLOWING");
        look(operator, "operator-06-onboard-slug-taken-zh");
    }

    @Test
    void suspendingNeedsAReasonWhichTheAuditTrailKeepsAndADoubleSubmitIsAConflict() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("CONSUMER_COMPLAINTS");
        String page = "/console/platform/bodies/" + body.slug();
        operator.get(base() + page + "?lang=en");
        ((JavascriptExecutor) operator.driver).executeScript("document.querySelector('#step-suspend form').noValidate = true");
        operator.loads(() -> operator.find("#step-suspend button[type=submit]").click());
        assertThat(text("#suspend-reason-error")).isEqualTo("This is required.");
        assertThat(status(body.slug())).isEqualTo("ACTIVE");
        operator.find("#suspend-reason").sendKeys("too short");
        operator.loads(() -> operator.find("#step-suspend button[type=submit]").click());
        assertThat(text("#suspend-reason-error")).isEqualTo("Say why, in at least 10 characters.");
        assertThat(operator.find("#suspend-reason").getAttribute("value")).isEqualTo("too short");
        assertThat(status(body.slug())).isEqualTo("ACTIVE");
        assertThat(Fixtures.auditReasons(body, "TENANT_SUSPENDED")).isEmpty();
        look(operator, "operator-07-suspend-without-reason-en");

        String why = "Contract ended on 2026-12-01; the body asked to stop intake.";
        operator.find("#suspend-reason").clear();
        operator.find("#suspend-reason").sendKeys(why);
        operator.loads(() -> operator.find("#step-suspend button[type=submit]").click());
        assertThat(text("#notice")).startsWith("The body is suspended");
        assertThat(text("#status")).contains("Suspended");
        assertThat(status(body.slug())).isEqualTo("SUSPENDED");
        assertThat(Fixtures.auditReasons(body, "TENANT_SUSPENDED")).containsExactly(why);
        lookInBothLanguages(operator, "operator-08-body-suspended");

        operator.get(base() + page + "?lang=zh-CN");
        operator.find("#reactivate-reason").sendKeys("合同已续签，恢复受理举报。");
        operator.loads(() -> operator.find("#step-reactivate button[type=submit]").click());
        assertThat(text("#status")).contains("正常");
        assertThat(status(body.slug())).isEqualTo("ACTIVE");
        assertThat(Fixtures.auditReasons(body, "TENANT_REACTIVATED")).containsExactly("合同已续签，恢复受理举报。");

        // a form read before another operator suspended the body: nothing changes, and the page says so
        operator.get(base() + page + "?lang=zh-CN");
        operator.find("#suspend-reason").sendKeys("第二位运营人员也要停用该机构。");
        assertThat(api().postJson("/api/v1/platform/tenants/" + body.slug() + "/suspend",
                Api.object().put("reason", "Suspended through the API meanwhile."), operatorCall()).status()).isEqualTo(200);
        operator.loads(() -> operator.find("#step-suspend button[type=submit]").click());
        assertThat(text("#notice")).startsWith("未作任何变更").contains("已停用");
        assertThat(text("#status")).contains("已停用");
        assertThat(Fixtures.auditReasons(body, "TENANT_SUSPENDED")).containsExactly(why,
                "Suspended through the API meanwhile.");
        look(operator, "operator-09-body-unchanged-zh");
        String csrf = ConsoleIT.csrfOf(operator);
        assertThat(api().postJson("/api/v1/platform/tenants/" + body.slug() + "/reactivate", "", operatorCall())
                .status()).isEqualTo(200);

        // two suspensions at once (a double click): one is made, the other is told of the conflict; neither fails
        List<CompletableFuture<Integer>> both = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                return ConsoleIT.postWithCookies(operator, page + "/suspend", "csrf=" + csrf
                        + "&reason=double+click+number+" + i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        assertThat(both.stream().map(CompletableFuture::join).sorted().toList()).containsExactly(303, 409);
        assertThat(status(body.slug())).isEqualTo("SUSPENDED");
        assertThat(Fixtures.auditReasons(body, "TENANT_SUSPENDED")).hasSize(3);

        // the language switch on the page a post answered leads back to the body's page, in the other language
        operator.get(base() + page + "/suspend?lang=en");
        assertThat(operator.driver.getCurrentUrl()).isEqualTo(base() + page + "?lang=en");
        assertThat(text("#status")).contains("Suspended");

        // closing the suspended body: a reason; the grace period is said; within it the body may stay after all
        operator.get(base() + page + "?lang=zh-CN");
        AdminConsoleIT.lookAt(operator, "#step-leave", "operator-13-body-leave-zh-CN");
        operator.find("#leave-reason").sendKeys("合同终止，机构数据已导出，退出平台。");
        operator.loads(() -> operator.find("#step-leave button[type=submit]").click());
        assertThat(text("#notice")).startsWith("该机构正在退出");
        assertThat(text("#departure")).contains("删除");
        assertThat(status(body.slug())).isEqualTo("LEAVING");
        assertThat(Fixtures.auditReasons(body, "TENANT_LEAVING")).containsExactly("合同终止，机构数据已导出，退出平台。");
        operator.get(base() + page + "?lang=zh-CN");
        lookInBothLanguages(operator, "operator-14-body-leaving");
        assertThat(api().get("/t/" + body.slug() + "?lang=zh-CN", Api.Call.anonymous()).body()).contains("退出本平台");
        operator.find("#stay-reason").sendKeys("机构续约，撤销退出。");
        operator.loads(() -> operator.find("#step-stay button[type=submit]").click());
        assertThat(status(body.slug())).isEqualTo("SUSPENDED");
        assertThat(operator.driver.findElements(org.openqa.selenium.By.id("departure"))).isEmpty();
    }

    @Test
    void theHealthPageShowsTheDatabaseKeycloakTheMailServersAndEveryJob() {
        jakarta.enterprise.inject.spi.CDI.current().select(BackgroundJobs.class).get().runOnce();

        operator.get(base() + "/console/platform/health?lang=zh-CN");
        assertThat(text("h1")).isEqualTo("平台运行状况");
        for (String check : List.of("database", "keycloak", "mail")) {
            assertThat(operator.find("#check-" + check).getAttribute("data-ok")).as(text("#check-" + check))
                    .isEqualTo("true");
        }
        assertThat(text("#check-database")).contains("PostgreSQL");
        assertThat(text("#check-mail")).as("the platform's own SMTP settings and the realm's, read from Keycloak")
                .contains("notifications", "invitations", Fixtures.platform().endpoints().smtpPort() + " answered EHLO");
        for (String job : List.of("referrals", "escalation", "outbox", "disclosure", "calendar_reminders", "sessions")) {
            assertThat(operator.find("#job-" + job).getAttribute("data-state")).as(text("#job-" + job)).isEqualTo("OK");
        }
        assertThat(text("#job-outbox .backlog")).matches("\\d+");
        assertThat(text("#verdict")).startsWith("✓");
        lookInBothLanguages(operator, "operator-10-health");
    }

    @Test
    void aBodysStaffAreRefusedTheOperatorsPagesAndTheOperatorABodysCases() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        try (Chromium admin = signedIn(body.adminEmail(), Fixtures.PASSWORD)) {
            admin.get(base() + "/console/platform?lang=zh-CN");
            assertThat(admin.find("h1").getText()).isEqualTo("您无权执行此操作。");
            assertThat(admin.find("main").getText()).doesNotContain(body.slug());
            look(admin, "operator-11-forbidden-tenant-admin-zh");
            for (String path : List.of("/console/platform", "/console/platform/onboard", "/console/platform/health",
                    "/console/platform/bodies/" + body.slug())) {
                assertThat(ConsoleIT.statusWithCookies(admin, path)).as(path).isEqualTo(403);
            }
            admin.get(base() + "/console/cases");
            assertThat(ConsoleIT.postWithCookies(admin, "/console/platform/bodies/" + body.slug() + "/suspend",
                    "csrf=" + ConsoleIT.csrfOf(admin) + "&reason=my+own+body+should+stop")).isEqualTo(403);
            assertThat(status(body.slug())).isEqualTo("ACTIVE");
        }
        body.staffToken("handler");
        try (Chromium handler = signedIn("handler@" + body.slug() + ".example", Fixtures.PASSWORD)) {
            handler.get(base() + "/console/platform/health?lang=en");
            assertThat(handler.find("h1").getText()).isEqualTo("You are not allowed to do this.");
            assertThat(ConsoleIT.statusWithCookies(handler, "/console/platform/health")).isEqualTo(403);
        }

        operator.get(base() + "/console/cases?lang=zh-CN");
        assertThat(text("h1")).isEqualTo("您无权执行此操作。");
        assertThat(ConsoleIT.statusWithCookies(operator, "/console/cases")).isEqualTo(403);
        assertThat(ConsoleIT.statusWithCookies(operator, "/console/intake")).isEqualTo(403);
        look(operator, "operator-12-operator-at-cases-zh");
    }
}
