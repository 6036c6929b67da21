package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.infra.dev.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin's pages in a real browser, signed in through Keycloak's login page: channels, categories, deadline
 * policies with their preview, the working calendar (year view, .ics import with a preview, export) and staff. Every
 * form is tried with bad input first (the field marked in the reader's language, nothing written, checked through the
 * API) and with a change made meanwhile by someone else (409, nothing overwritten). Another body's admin finds nothing
 * of this body's; a handler gets the 403 page.
 */
class AdminConsoleIT {

    private static Fixtures.TestTenant body;
    private static Fixtures.TestTenant other;
    private static String base;
    private static Chromium admin;
    private static final List<Chromium> BROWSERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        body = Fixtures.onboard("INTERNET_CONTENT");
        other = Fixtures.onboard("INTERNET_CONTENT");
        base = api().base();
        admin = browser(ConsoleIT.signedIn("admin", body));
    }

    @AfterAll
    static void close() {
        BROWSERS.forEach(Chromium::close);
    }

    private static Chromium stranger;

    /** The admin of another body, signed in once. */
    private static synchronized Chromium stranger() {
        if (stranger == null) {
            stranger = browser(ConsoleIT.signedIn("admin", other));
        }
        return stranger;
    }

    private static Chromium browser(Chromium browser) {
        BROWSERS.add(browser);
        return browser;
    }

    /** Lets the server judge the input: the browser's own checks (required, type=email) are switched off. */
    static void noBrowserChecks(Chromium browser) {
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.querySelectorAll('form').forEach(f => f.noValidate = true)");
    }

    /** Brings what the screenshot is about into the window first. */
    static void lookAt(Chromium browser, String css, String name) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", browser.find(css));
        ConsoleIT.look(browser, name);
    }

    static void submit(Chromium browser, String css) {
        browser.loads(() -> browser.find(css).click());
    }

    static void type(Chromium browser, String id, String text) {
        WebElement field = browser.find("#" + id.replace(".", "\\."));
        field.clear();
        field.sendKeys(text);
    }

    /** The field is marked invalid, with its message beside it. */
    static String marked(Chromium browser, String field) {
        WebElement input = browser.find("#" + field.replace(".", "\\."));
        assertThat(input.getAttribute("aria-invalid")).as(field + " marked").isEqualTo("true");
        return browser.find("#" + field.replace(".", "\\.") + "-error").getText();
    }

    private static JsonNode configuration(Fixtures.TestTenant tenant) {
        Api.Response response = api().get("/api/v1/tenants/" + tenant.slug() + "/configuration",
                new Api.Call().bearer(tenant.adminToken()));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static boolean hasCode(JsonNode list, String code) {
        for (JsonNode item : list) {
            if (item.get("code").asText().equals(code)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void channelsAreAddedAndChangedWithBadInputMarkedAndNothingWritten() {
        admin.get(base + "/console/admin/channels?lang=zh-CN");
        assertThat(admin.find("h1").getText()).isEqualTo("受理渠道");
        ConsoleIT.lookInBothLanguages(admin, "admin-01-channels");

        // bad input: a hotline without a number, no Chinese name; marked in Chinese, nothing written
        admin.get(base + "/console/admin/channels?lang=zh-CN");
        noBrowserChecks(admin);
        type(admin, "code", "night-line");
        type(admin, "nameEn", "Night line");
        new Select(admin.find("#kind")).selectByValue("HOTLINE");
        submit(admin, "#channel-form button[type=submit]");
        assertThat(marked(admin, "nameZh")).isEqualTo("此项必填。");
        assertThat(marked(admin, "contact")).isNotBlank();
        assertThat(admin.find("#code").getAttribute("value")).as("what was typed is kept").isEqualTo("night-line");
        lookAt(admin, "#channel-form", "admin-02-channel-invalid-zh");
        assertThat(hasCode(configuration(body).get("channels"), "night-line")).as("nothing written").isFalse();

        type(admin, "nameZh", "夜间热线");
        type(admin, "contact", "12377");
        type(admin, "hours", "每日 20:00–24:00");
        submit(admin, "#channel-form button[type=submit]");
        assertThat(admin.find("#saved").getText()).contains("night-line");
        assertThat(admin.find("#channel-night-line").getText()).contains("夜间热线", "12377");
        assertThat(hasCode(configuration(body).get("channels"), "night-line")).isTrue();

        // two admins: the page was read, someone changed the channel through the API, the page's change is refused
        admin.get(base + "/console/admin/channels/night-line?lang=en");
        ConsoleIT.look(admin, "admin-03-channel-edit-en");
        JsonNode meanwhile = Api.object().put("nameZh", "夜间热线（新）").put("nameEn", "Night line (new)")
                .put("kind", "HOTLINE").put("contact", "12388").put("hours", "Daily 20:00-24:00");
        assertThat(api().putJson("/api/v1/tenants/" + body.slug() + "/configuration/channels/night-line", meanwhile,
                new Api.Call().bearer(body.adminToken())).status()).isEqualTo(200);
        type(admin, "contact", "12399");
        submit(admin, "#channel-form button[type=submit]");
        assertThat(admin.find("#form-errors").getText()).contains("Someone else changed this meanwhile");
        for (JsonNode channel : configuration(body).get("channels")) {
            if (channel.get("code").asText().equals("night-line")) {
                assertThat(channel.get("contact").asText()).as("the other change stands").isEqualTo("12388");
            }
        }
    }

    @Test
    void categoriesFormATreeAndABadCodeIsMarked() {
        admin.get(base + "/console/admin/categories?lang=en");
        ConsoleIT.lookInBothLanguages(admin, "admin-04-categories");
        noBrowserChecks(admin);
        type(admin, "code", "Deep Fakes!");
        type(admin, "nameZh", "深度伪造");
        type(admin, "nameEn", "Deepfakes");
        submit(admin, "#category-form button[type=submit]");
        assertThat(marked(admin, "code")).isEqualTo("Use 1–40 lower-case letters, digits or hyphens.");
        assertThat(admin.find("#nameZh").getAttribute("value")).isEqualTo("深度伪造");
        assertThat(configuration(body).get("categories").toString()).as("nothing written").doesNotContain("深度伪造");
        lookAt(admin, "#category-form", "admin-05-category-invalid-en");

        String parent = configuration(body).get("categories").get(0).get("code").asText();
        type(admin, "code", "deepfakes");
        new Select(admin.find("#parent")).selectByValue(parent);
        new Select(admin.find("#defaultSeverity")).selectByValue("SERIOUS");
        type(admin, "legalBasis", "《互联网信息服务深度合成管理规定》");
        submit(admin, "#category-form button[type=submit]");
        assertThat(admin.find("#category-deepfakes").getText()).contains("Deepfakes", "serious");
        JsonNode saved = null;
        for (JsonNode c : configuration(body).get("categories")) {
            if (c.get("code").asText().equals("deepfakes")) {
                saved = c;
            }
        }
        assertThat(saved).isNotNull();
        assertThat(saved.get("parent").asText()).isEqualTo(parent);

        // a parent cannot be retired while a child is active: marked, nothing written
        admin.get(base + "/console/admin/categories/" + parent + "?lang=en");
        admin.find("#active").click();
        submit(admin, "#category-form button[type=submit]");
        assertThat(marked(admin, "active")).contains("deepfakes");
        for (JsonNode c : configuration(body).get("categories")) {
            if (c.get("code").asText().equals(parent)) {
                assertThat(c.get("active").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void aPolicyIsPreviewedThenAdoptedAndItsHistoryShown() {
        admin.get(base + "/console/admin/deadlines?lang=zh-CN");
        ConsoleIT.lookInBothLanguages(admin, "admin-06-deadlines");
        int before = api().get("/api/v1/tenants/" + body.slug() + "/configuration/deadline-policies?history=true",
                new Api.Call().bearer(body.adminToken())).json().size();

        noBrowserChecks(admin);
        new Select(admin.find("#stage")).selectByValue("DECIDE");
        type(admin, "amount", "abc");
        type(admin, "alertPercents", "50, 120");
        submit(admin, "#preview-button");
        assertThat(marked(admin, "amount")).isEqualTo("请填写整数。");
        assertThat(admin.driver.findElements(By.id("adopt"))).as("no adopting without a preview").isEmpty();

        type(admin, "amount", "20");
        type(admin, "alertPercents", "50, 80, 100");
        submit(admin, "#preview-button");
        assertThat(admin.find("#preview-due").getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        lookAt(admin, "#preview", "admin-07-policy-preview-zh");
        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/configuration/deadline-policies?history=true",
                new Api.Call().bearer(body.adminToken())).json().size()).as("a preview writes nothing").isEqualTo(before);

        submit(admin, "#adopt");
        assertThat(admin.find("#saved").getText()).contains("已采用");
        JsonNode history = api().get("/api/v1/tenants/" + body.slug() + "/configuration/deadline-policies?history=true",
                new Api.Call().bearer(body.adminToken())).json();
        assertThat(history.size()).isEqualTo(before + 1);
        admin.get(base + "/console/admin/deadlines?history=true&lang=en");
        assertThat(admin.find("#history").isDisplayed()).isTrue();
        lookAt(admin, "#history", "admin-08-deadlines-history-en");

        // a preview read before someone else adopted a policy for the same scope cannot be adopted
        admin.get(base + "/console/admin/deadlines?lang=en");
        new Select(admin.find("#stage")).selectByValue("DECIDE");
        type(admin, "amount", "25");
        submit(admin, "#preview-button");
        JsonNode meanwhile = Api.object().put("stage", "DECIDE").put("amount", 30).put("unit", "WORKING_DAYS");
        assertThat(api().postJson("/api/v1/tenants/" + body.slug() + "/configuration/deadline-policies", meanwhile,
                new Api.Call().bearer(body.adminToken())).status()).isEqualTo(201);
        submit(admin, "#adopt");
        assertThat(admin.find("#form-errors").getText()).contains("Someone else changed this meanwhile");
        boolean thirtyInForce = false;
        for (JsonNode p : api().get("/api/v1/tenants/" + body.slug() + "/configuration/deadline-policies",
                new Api.Call().bearer(body.adminToken())).json()) {
            if (p.get("stage").asText().equals("DECIDE") && !p.hasNonNull("category")
                    && !p.hasNonNull("severity")) {
                thirtyInForce = p.get("amount").asInt() == 30;
            }
        }
        assertThat(thirtyInForce).as("the other admin's policy stands").isTrue();
    }

    private static int rewardRules(boolean history) {
        return api().get("/api/v1/tenants/" + body.slug() + "/configuration/reward-rules?history=" + history,
                new Api.Call().bearer(body.adminToken())).json().size();
    }

    @Test
    void aRewardRuleIsAdoptedWithBadInputMarkedAndAConcurrentAdoptionRefused() {
        admin.get(base + "/console/admin/rewards?lang=zh-CN");
        ConsoleIT.lookInBothLanguages(admin, "admin-16-rewards");
        int before = rewardRules(true);
        noBrowserChecks(admin);
        type(admin, "currency", "XX");
        submit(admin, "#adopt-rule");
        assertThat(marked(admin, "amount")).isEqualTo("此项必填。");
        assertThat(marked(admin, "currency")).isNotBlank();
        lookAt(admin, "#rule-form", "admin-17-reward-invalid-zh");
        assertThat(rewardRules(true)).as("nothing written").isEqualTo(before);

        type(admin, "currency", "CNY");
        type(admin, "amount", "300.00");
        submit(admin, "#adopt-rule");
        assertThat(admin.find("#saved").getText()).isEqualTo("已采用新的奖励规则。");
        assertThat(admin.find("#rules").getText()).contains("300.00 CNY");
        assertThat(rewardRules(true)).isEqualTo(before + 1);

        // read, then someone else adopts a rule for the same scope: this page's rule is refused
        admin.get(base + "/console/admin/rewards?lang=en");
        type(admin, "amount", "400.00");
        JsonNode meanwhile = Api.object().put("kind", "FIXED").put("amount", 350).put("currency", "CNY");
        assertThat(api().postJson("/api/v1/tenants/" + body.slug() + "/configuration/reward-rules", meanwhile,
                new Api.Call().bearer(body.adminToken())).status()).isEqualTo(201);
        submit(admin, "#adopt-rule");
        assertThat(admin.find("#form-errors").getText()).contains("Someone else changed this meanwhile");
        assertThat(rewardRules(true)).isEqualTo(before + 2);
        admin.get(base + "/console/admin/rewards?history=true&lang=en");
        lookAt(admin, "#history", "admin-18-rewards-history-en");
    }

    private static JsonNode disclosure() {
        return api().get("/api/v1/tenants/" + body.slug() + "/configuration/disclosure",
                new Api.Call().bearer(body.adminToken())).json();
    }

    @Test
    void disclosureSettingsAndTheLogoAreSavedWithBadInputMarked() throws IOException {
        admin.get(base + "/console/admin/disclosure?lang=zh-CN");
        ConsoleIT.lookInBothLanguages(admin, "admin-19-disclosure");
        long version = disclosure().get("version").asLong();
        noBrowserChecks(admin);
        type(admin, "smallCellThreshold", "2");
        submit(admin, "#save-settings");
        assertThat(marked(admin, "smallCellThreshold")).isNotBlank();
        assertThat(disclosure().get("version").asLong()).as("nothing written").isEqualTo(version);

        type(admin, "smallCellThreshold", "10");
        type(admin, "displayNameEn", "Test Body Reporting Centre");
        submit(admin, "#save-settings");
        assertThat(admin.find("#saved").isDisplayed()).isTrue();
        assertThat(disclosure().get("smallCellThreshold").asInt()).isEqualTo(10);

        // the page was read, then the settings changed through the API: this page's change is refused
        admin.get(base + "/console/admin/disclosure?lang=en");
        JsonNode now = disclosure();
        JsonNode meanwhile = Api.object().put("smallCellThreshold", 12).set("publicStatistics", now.get("publicStatistics"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) meanwhile).set("reportPeriods", now.get("reportPeriods"));
        assertThat(api().putJson("/api/v1/tenants/" + body.slug() + "/configuration/disclosure", meanwhile,
                new Api.Call().bearer(body.adminToken())).status()).isEqualTo(200);
        type(admin, "smallCellThreshold", "20");
        submit(admin, "#save-settings");
        assertThat(admin.find("#form-errors").getText()).contains("Someone else changed this meanwhile");
        assertThat(disclosure().get("smallCellThreshold").asInt()).isEqualTo(12);

        admin.get(base + "/console/admin/disclosure?lang=en");
        admin.find("#logo-file").sendKeys(file("logo.png", "not an image").toAbsolutePath().toString());
        submit(admin, "#upload-logo");
        assertThat(admin.find("#logo-file").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(admin.find("#logo-error").getText()).isNotBlank();
        assertThat(disclosure().get("hasLogo").asBoolean()).isFalse();
        Path png = Files.createTempFile("logo", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 160, 48);
        g.setColor(new java.awt.Color(0x0b, 0x4f, 0x8a));
        g.fillRect(8, 8, 32, 32);
        g.dispose();
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        admin.find("#logo-file").sendKeys(png.toAbsolutePath().toString());
        submit(admin, "#upload-logo");
        assertThat(admin.find("img.logo").isDisplayed()).isTrue();
        assertThat(disclosure().get("hasLogo").asBoolean()).isTrue();
        lookAt(admin, "#logo", "admin-20-disclosure-logo-en");
    }

    @Test
    void aDisclosureReportIsAskedForWatchedDownloadedAndPublished() {
        admin.get(base + "/console/admin/reports?lang=zh-CN");
        ConsoleIT.lookInBothLanguages(admin, "admin-21-reports");
        int before = api().get("/api/v1/tenants/" + body.slug() + "/disclosure-reports",
                new Api.Call().bearer(body.adminToken())).json().size();
        noBrowserChecks(admin);
        type(admin, "period", "2026-13");
        submit(admin, "#request-report");
        assertThat(marked(admin, "period")).isNotBlank();
        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/disclosure-reports",
                new Api.Call().bearer(body.adminToken())).json().size()).as("nothing written").isEqualTo(before);

        type(admin, "period", "2026-11");
        submit(admin, "#request-report");
        assertThat(admin.find("#saved").getText()).isEqualTo("已提交生成申请，报告正在生成。");
        // the page's script follows the report and loads the page again once it is ready
        new org.openqa.selenium.support.ui.WebDriverWait(admin.driver, java.time.Duration.ofSeconds(90))
                .until(d -> !d.findElements(By.cssSelector("#reports a[download]")).isEmpty());
        assertThat(admin.find("#reports").getText()).contains("2026-11", "已生成", "PDF（中文）");
        ConsoleIT.look(admin, "admin-22-report-ready-zh");
        String pdf = admin.find("#reports a[download]").getAttribute("href");
        assertThat(pdf).endsWith("/zh-CN");
        submit(admin, "#reports form button[type=submit]");
        assertThat(admin.find("#saved").getText()).isEqualTo("报告已在门户网站发布。");
        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/published-reports", new Api.Call()).body())
                .contains("2026-11");
        // another body's admin cannot fetch this body's report
        Chromium stranger = stranger();
        stranger.get(pdf.replace("/zh-CN", "/progress"));
        assertThat(stranger.find("h1").getText()).isIn("页面不存在", "Page not found");
        stranger.get(base + "/console/admin/reports?lang=en");
        assertThat(stranger.find("#reports").getText()).doesNotContain("2026-11");
    }

    @Test
    void theDashboardShowsTheBodysFiguresAndTheNextReport() {
        JsonNode category = configuration(body).get("categories").get(0);
        Fixtures.submitted(body, Fixtures.report("web", category.get("code").asText()));
        admin.get(base + "/console/admin?lang=zh-CN");
        assertThat(admin.find("h1").getText()).isEqualTo("概览");
        ConsoleIT.lookInBothLanguages(admin, "admin-00-dashboard");
        admin.phoneShot("admin-00-dashboard-phone");
        List<WebElement> figures = admin.driver.findElements(By.cssSelector("#figures .count"));
        assertThat(figures).hasSize(4);
        assertThat(Long.parseLong(figures.get(0).getText())).as("open").isPositive();
        assertThat(Long.parseLong(figures.get(3).getText())).as("received this month").isPositive();
        int today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getDayOfMonth();
        assertThat(admin.driver.findElements(By.cssSelector("svg.chart.intake rect.bar"))).hasSize(today);
        assertThat(admin.find("#next-report").getText()).matches(".*\\d{4}-\\d{2}-\\d{2}.*");
    }

    @Test
    void theAuditTrailIsSearchedAndItsChainVerified() {
        admin.get(base + "/console/admin/audit?lang=en");
        ConsoleIT.lookInBothLanguages(admin, "admin-23-audit");
        admin.get(base + "/console/admin/audit?lang=en&action=TENANT_ONBOARDED");
        List<WebElement> rows = admin.driver.findElements(By.cssSelector("#events tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("TENANT_ONBOARDED");
        admin.get(base + "/console/admin/audit?lang=en&from=2026-02-30");
        assertThat(marked(admin, "from")).isEqualTo("Give a date (year-month-day).");

        admin.get(base + "/console/admin/audit?lang=zh-CN");
        submit(admin, "#verify");
        assertThat(admin.find("#verification").getText()).startsWith("✓ 哈希链完整");
        ConsoleIT.look(admin, "admin-24-audit-verified-zh");

        // another body's admin searches for this body's events and finds none
        Chromium stranger = stranger();
        stranger.get(base + "/console/admin/audit?lang=en&actor=" + body.slug());
        assertThat(stranger.find("#events").getText()).contains("No events match.");
    }

    static final String ICS_2027 = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
            "BEGIN:VEVENT", "UID:a@test", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20270102", "SUMMARY:元旦",
            "END:VEVENT", "BEGIN:VEVENT", "UID:b@test", "DTSTART;VALUE=DATE:20271001", "DTEND;VALUE=DATE:20271008",
            "SUMMARY:国庆节", "END:VEVENT", "BEGIN:VEVENT", "UID:c@test", "DTSTART;VALUE=DATE:20270926",
            "DTEND;VALUE=DATE:20270927", "SUMMARY:国庆节调休 班", "END:VEVENT", "BEGIN:VEVENT", "UID:d@test",
            "DTSTART;VALUE=DATE:20271009", "DTEND;VALUE=DATE:20271010", "SUMMARY:国庆节调休 班", "END:VEVENT",
            "END:VCALENDAR", "");

    static Path file(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("calendar");
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Imports a year from an .ics file through the calendar page: the file read, the changes shown, applied. */
    static void importYear(Chromium browser, int year, Path ics) {
        type(browser, "year", Integer.toString(year));
        type(browser, "source", "国务院办公厅通知");
        browser.find("#file").sendKeys(ics.toAbsolutePath().toString());
        submit(browser, "#read-file");
        assertThat(browser.find("#changes").getText()).contains(year + "-10-01");
        submit(browser, "#apply");
        assertThat(browser.find("#saved").isDisplayed()).isTrue();
    }

    @Test
    void aCalendarYearIsImportedFromIcsAfterItsChangesAreShown() {
        admin.get(base + "/console/admin/calendar?lang=zh-CN&year=2026");
        ConsoleIT.lookInBothLanguages(admin, "admin-09-calendar");
        admin.phoneShot("admin-09-calendar-phone");

        // not a calendar: the file field is marked, nothing written
        admin.get(base + "/console/admin/calendar?lang=en&year=2027");
        type(admin, "year", "2027");
        admin.find("#file").sendKeys(file("notes.ics", "BEGIN:VCARD\nFN:Someone\nEND:VCARD\n").toAbsolutePath().toString());
        submit(admin, "#read-file");
        assertThat(marked(admin, "file")).contains("Line 1:");
        lookAt(admin, "#import", "admin-10-calendar-bad-file-en");
        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/configuration/calendar/years/2027",
                new Api.Call().bearer(body.adminToken())).status()).isEqualTo(404);

        type(admin, "year", "2027");
        type(admin, "source", "State Council notice");
        admin.find("#file").sendKeys(file("cn-2027.ics", ICS_2027).toAbsolutePath().toString());
        submit(admin, "#read-file");
        assertThat(admin.find("#changes").getText()).contains("Added (10)", "2027-10-01", "Make-up working day");
        lookAt(admin, "#changes", "admin-11-calendar-preview-en");
        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/configuration/calendar/years/2027",
                new Api.Call().bearer(body.adminToken())).status()).as("the preview writes nothing").isEqualTo(404);
        submit(admin, "#apply");
        assertThat(admin.find("#saved").getText()).contains("2027");
        assertThat(admin.find("td.cal-WORKDAY time[datetime='2027-09-26']").isDisplayed()).isTrue();
        assertThat(admin.find("td.cal-HOLIDAY time[datetime='2027-10-07']").isDisplayed()).isTrue();
        lookAt(admin, "#sheet", "admin-12-calendar-2027-en");
        JsonNode year = api().get("/api/v1/tenants/" + body.slug() + "/configuration/calendar/years/2027",
                new Api.Call().bearer(body.adminToken())).json();
        assertThat(year.get("days").size()).isEqualTo(10);

        // the export is the year as listed
        Api.Response exported = api().get("/console/admin/calendar/2027.csv", new Api.Call());
        assertThat(exported.status()).as("no session, no export").isEqualTo(303);
    }

    private static String departments() {
        return api().get("/api/v1/tenants/" + body.slug() + "/departments", new Api.Call().bearer(body.adminToken())).body();
    }

    @Test
    void staffAreInvitedTheirRolesChangedAndTheyAreDeactivated() {
        admin.get(base + "/console/admin/staff?lang=zh-CN");
        ConsoleIT.lookInBothLanguages(admin, "admin-13-staff");
        int staffBefore = api().get("/api/v1/tenants/" + body.slug() + "/staff", new Api.Call().bearer(body.adminToken()))
                .json().size();
        noBrowserChecks(admin);
        type(admin, "email", "not-an-address");
        type(admin, "firstName", "Lin");
        type(admin, "lastName", "Handler");
        submit(admin, "#invite-button");
        assertThat(marked(admin, "email")).isEqualTo("请填写有效的电子邮箱地址。");
        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/staff", new Api.Call().bearer(body.adminToken()))
                .json().size()).as("nothing written").isEqualTo(staffBefore);

        String email = "lin@" + body.slug() + ".example";
        type(admin, "email", email);
        submit(admin, "#invite-button");
        assertThat(admin.find("#saved").getText()).isEqualTo("邀请已发送。");
        ConsoleIT.lookInBothLanguages(admin, "admin-14-member");
        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/staff", new Api.Call().bearer(body.adminToken()))
                .json().size()).isEqualTo(staffBefore + 1);
        assertThat(OnboardingIT.invitationTo(email)).as("the invitation e-mail").isNotNull();

        String memberPage = admin.driver.getCurrentUrl().replaceAll("\\?.*", "");
        String memberId = memberPage.substring(memberPage.lastIndexOf('/') + 1);

        // a department without names: marked, nothing written; then with them
        admin.get(base + "/console/admin/staff?lang=en");
        noBrowserChecks(admin);
        WebElement code = admin.find("#department-form #code");
        code.sendKeys("complaints-desk");
        submit(admin, "#department-form button[type=submit]");
        assertThat(admin.find("#department-form #nameZh").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(admin.find("#department-form #nameZh-error").getText()).isEqualTo("This is required.");
        assertThat(departments()).as("nothing written").doesNotContain("complaints-desk");
        admin.find("#department-form #nameZh").sendKeys("投诉受理科");
        admin.find("#department-form #nameEn").sendKeys("Complaints desk");
        submit(admin, "#department-form button[type=submit]");
        assertThat(admin.find("#saved").getText()).isEqualTo("The department was added.");
        assertThat(departments()).contains("complaints-desk");

        // no role at all: marked, the roles unchanged
        admin.get(memberPage + "?lang=en");
        admin.find("input[name=roles][value=handler]").click();
        submit(admin, "#step-roles button[type=submit]");
        assertThat(admin.find("#roles-error").getText()).contains("at least one");
        for (JsonNode m : api().get("/api/v1/tenants/" + body.slug() + "/staff", new Api.Call().bearer(body.adminToken())).json()) {
            if (m.get("userId").asText().equals(memberId)) {
                assertThat(m.get("roles").toString()).as("nothing written").isEqualTo("[\"handler\"]");
            }
        }
        admin.get(memberPage + "?lang=en");
        admin.find("input[name=roles][value=supervisor]").click();
        submit(admin, "#step-roles button[type=submit]");
        assertThat(admin.find("#saved").getText()).isEqualTo("The roles were changed.");
        submit(admin, "#deactivate");
        assertThat(admin.find("#member-state").getText()).startsWith("Deactivated");
        submit(admin, "#reactivate");
        assertThat(admin.find("#member-state").getText()).isEqualTo("Active");
    }

    private static JsonNode retention(Fixtures.TestTenant tenant) {
        return api().get("/api/v1/tenants/" + tenant.slug() + "/configuration/retention",
                new Api.Call().bearer(tenant.adminToken())).json();
    }

    @Test
    void theRetentionIsShownAndSetNeverBelowTwoYears() {
        admin.get(base + "/console/admin/retention?lang=zh-CN");
        assertThat(admin.find("#months").getAttribute("value")).isEqualTo("24");
        assertThat(text(admin, "#purge-runs")).contains("尚未清除");
        ConsoleIT.lookInBothLanguages(admin, "admin-26-retention");
        long version = retention(body).get("version").asLong();
        for (String bad : List.of("23", "两年", "")) {
            noBrowserChecks(admin);
            type(admin, "months", bad);
            submit(admin, "#save-retention");
            assertThat(marked(admin, "months")).as(bad).isNotBlank();
            assertThat(admin.find("#months").getAttribute("value")).as("what was typed stays").isEqualTo(bad);
        }
        lookAt(admin, "#settings-form", "admin-27-retention-refused-zh-CN");
        assertThat(retention(body).get("version").asLong()).as("nothing written").isEqualTo(version);

        type(admin, "months", "36");
        submit(admin, "#save-retention");
        assertThat(admin.find("#saved").isDisplayed()).isTrue();
        assertThat(retention(body).get("months").asInt()).isEqualTo(36);
        assertThat(Fixtures.auditDetails(body, "CONFIG_RETENTION_SAVED")).hasSize(1);

        // read, then changed through the API meanwhile: this page's change is refused and the API's stands
        admin.get(base + "/console/admin/retention?lang=en");
        assertThat(api().putJson("/api/v1/tenants/" + body.slug() + "/configuration/retention",
                Api.object().put("months", 48), new Api.Call().bearer(body.adminToken())).status()).isEqualTo(200);
        type(admin, "months", "30");
        submit(admin, "#save-retention");
        assertThat(admin.find("#form-errors").getText()).contains("Someone else changed this meanwhile");
        assertThat(retention(body).get("months").asInt()).isEqualTo(48);

        Chromium stranger = stranger();
        stranger.get(base + "/console/admin/retention?lang=en");
        assertThat(stranger.find("#months").getAttribute("value")).as("another body has its own").isEqualTo("24");
    }

    @Test
    void anExportIsAskedForWithAPassphraseTypedTwiceWatchedAndDownloaded() throws Exception {
        admin.get(base + "/console/admin/export?lang=zh-CN");
        ConsoleIT.lookInBothLanguages(admin, "admin-28-export");
        type(admin, "reason", "机构迁移至自建系统，导出全部数据");
        for (String[] bad : new String[][]{{"short", "short", "passphrase"},
                {"correct horse battery staple", "correct horse battery stapel", "passphraseAgain"}}) {
            noBrowserChecks(admin);
            type(admin, "passphrase", bad[0]);
            type(admin, "passphraseAgain", bad[1]);
            submit(admin, "#request-export");
            assertThat(marked(admin, bad[2])).as(bad[2]).isNotBlank();
            assertThat(admin.find("#passphrase").getAttribute("value")).as("a passphrase is never sent back").isEmpty();
            assertThat(admin.find("#reason").getText()).as("the reason is kept").contains("机构迁移");
        }
        lookAt(admin, "#request", "admin-29-export-refused-zh-CN");
        assertThat(Fixtures.rows("tenant_exports", body.id())).as("nothing written").isZero();

        type(admin, "passphrase", "correct horse battery staple");
        type(admin, "passphraseAgain", "correct horse battery staple");
        submit(admin, "#request-export");
        assertThat(admin.find("#saved").isDisplayed()).isTrue();
        // the page's script follows the export and loads the page again once it is ready
        new org.openqa.selenium.support.ui.WebDriverWait(admin.driver, java.time.Duration.ofSeconds(90))
                .until(d -> !d.findElements(By.cssSelector("#exports a[download]")).isEmpty());
        assertThat(admin.find("#exports a[download]").getText()).startsWith(body.slug() + "-export-").endsWith(".zip.gpg");
        ConsoleIT.look(admin, "admin-30-export-ready-zh-CN");
        String archive = admin.find("#exports a[download]").getAttribute("href");
        assertThat(ConsoleIT.statusWithCookies(admin, archive.substring(archive.indexOf("/console/"))))
                .as("the archive downloads").isEqualTo(200);
        assertThat(Fixtures.auditDetails(body, "EXPORT_DOWNLOADED")).hasSize(1);

        Chromium stranger = stranger();
        assertThat(ConsoleIT.statusWithCookies(stranger, archive.substring(archive.indexOf("/console/"))))
                .as("another body's admin").isEqualTo(404);
        stranger.get(base + "/console/admin/export?lang=en");
        assertThat(stranger.find("#exports").getText()).doesNotContain(body.slug());
    }

    private static String text(Chromium browser, String css) {
        return browser.find(css).getText();
    }

    @Test
    void anotherBodysAdminFindsNothingAndAHandlerIsRefused() {
        String channel = configuration(body).get("channels").get(0).get("code").asText();
        JsonNode staff = api().get("/api/v1/tenants/" + body.slug() + "/staff", new Api.Call().bearer(body.adminToken())).json();
        String member = staff.get(0).get("userId").asText();
        Chromium stranger = stranger();
        stranger.get(base + "/console/admin/staff/" + member);
        assertThat(stranger.find("h1").getText()).as("another body's member is not found").isIn("页面不存在", "Page not found");
        stranger.get(base + "/console/admin/channels/" + channel + "-" + body.slug().substring(0, 3));
        assertThat(stranger.find("h1").getText()).isIn("页面不存在", "Page not found");
        stranger.get(base + "/console/admin/staff");
        assertThat(stranger.find("#staff").getText()).doesNotContain(body.slug());

        other.staffToken("handler");
        Chromium handler = browser(ConsoleIT.signedIn("handler", other));
        for (String page : List.of("/console/admin", "/console/admin/audit", "/console/admin/channels", "/console/admin/categories", "/console/admin/deadlines",
                "/console/admin/calendar", "/console/admin/rewards", "/console/admin/disclosure", "/console/admin/reports",
                "/console/admin/staff", "/console/admin/retention", "/console/admin/export")) {
            handler.get(base + page + "?lang=en");
            assertThat(handler.find("h1").getText()).as(page).isEqualTo("You are not allowed to do this.");
        }
        ConsoleIT.look(handler, "admin-15-handler-refused-en");
    }

    /** The link in an invitation e-mail (Keycloak's action token). */
    static String invitationLink(ReceivedMail mail) {
        Matcher link = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+").matcher(mail.text());
        assertThat(link.find()).as("a link in: " + mail.text()).isTrue();
        return link.group().replace("&amp;", "&");
    }

    /** Follows the invitation as the invited person: Keycloak's pages to set a password (and so verify the address). */
    static void followInvitation(Chromium browser, String email, String password) {
        browser.get(invitationLink(OnboardingIT.invitationTo(email)));
        if (!browser.driver.findElements(By.cssSelector("#kc-info-message a, a[href*='action-token']")).isEmpty()
                && browser.driver.findElements(By.id("password-new")).isEmpty()) {
            browser.loads(() -> browser.find("#kc-info-message a, a[href*='action-token']").click());
        }
        browser.find("#password-new").sendKeys(password);
        browser.find("#password-confirm").sendKeys(password);
        browser.loads(() -> browser.find("#kc-form-buttons input[type=submit], #kc-form-buttons button[type=submit], input[type=submit], button[type=submit]").click());
    }
}
