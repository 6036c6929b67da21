package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal in a real browser: Debian's headless Chromium driven through its chromedriver. A reporter files a
 * report with a file, keeps the receipt, follows the case and replies; switches the language; markup typed into a
 * report is shown as text; a form posted without its CSRF token is refused. A screenshot of every page is saved
 * in {@code infra/target/browser-screenshots}, after axe-core found no WCAG 2.1 A/AA violation on it.
 */
class BrowserIT {

    private static WebDriver browser;
    private static Fixtures.TestTenant tenant;
    private static String base;

    private static Chromium chromium;

    @BeforeAll
    static void browser() {
        tenant = Fixtures.onboard("INTERNET_CONTENT");
        base = api().base();
        chromium = Chromium.start();
        browser = chromium.driver;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A screenshot of the page, after axe-core found no WCAG 2.1 A/AA violation on it. */
    private static void shot(String name) {
        chromium.assertAccessible(name);
        chromium.shot(name);
    }

    private static void loads(Runnable action) {
        chromium.loads(action);
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aReporterFilesAReportWithAFileKeepsTheReceiptFollowsTheCaseAndReplies() throws IOException {
        browser.get(base + "/t/" + tenant.slug());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        shot("01-landing-zh");
        loads(() -> browser.findElement(By.linkText("网上举报")).click());
        shot("02-report-form");

        new Select(browser.findElement(By.id("category"))).selectByValue("gambling");
        browser.findElement(By.id("subjectValue")).sendKeys("https://casino.example/");
        browser.findElement(By.id("description")).sendKeys("该网站发布赌博广告。<img src=x onerror=alert(1)><script>alert(2)</script>");
        Path evidence = Files.createTempFile("screenshot", ".png");
        Files.write(evidence, Fixtures.png());
        browser.findElement(By.id("evidence")).sendKeys(evidence.toAbsolutePath().toString());
        browser.findElement(By.id("contactEmail")).sendKeys("reporter@example.org");
        loads(() -> browser.findElement(By.cssSelector("button[type=submit]")).click());

        String receipt = browser.findElement(By.id("receipt-code")).getText();
        assertThat(receipt).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(browser.findElement(By.id("claim-secret")).getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(browser.getCurrentUrl()).doesNotContain(receipt).doesNotContain(receipt.replace("-", ""));
        shot("03-receipt");

        loads(() -> browser.findElement(By.linkText("查询办理进展")).click());
        browser.findElement(By.id("receiptCode")).sendKeys(receipt.toLowerCase());
        loads(() -> browser.findElement(By.cssSelector("button[type=submit]")).click());
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已收到");
        assertThat(browser.getCurrentUrl()).doesNotContain(receipt);
        shot("04-case");

        String reply = "订单截图已附上 <img src=x onerror=alert(3)>";
        browser.findElement(By.id("message")).sendKeys(reply);
        loads(() -> browser.findElement(By.id("message")).submit());
        assertNoAlert();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("您补充的内容已收到。");
        assertThat(browser.findElements(By.cssSelector(".timeline .message")).stream().map(e -> e.getText()))
                .contains(reply);
        assertThat(browser.findElements(By.cssSelector(".timeline img"))).as("markup stays text").isEmpty();
        shot("05-replied");
    }

    @Test
    void theLanguageSwitchTurnsThePagesIntoEnglishAndIsRemembered() throws IOException {
        browser.get(base + "/t/" + tenant.slug());
        loads(() -> browser.findElement(By.cssSelector("nav a[hreflang=en]")).click());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("What you can report");
        shot("06-landing-en");
        browser.get(base + "/t/" + tenant.slug() + "/report");
        assertThat(browser.findElement(By.cssSelector("label[for=description]")).getText()).isEqualTo("What happened");
        shot("07-report-form-en");
        loads(() -> browser.findElement(By.cssSelector("nav a[hreflang=zh-CN]")).click());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefusedAndNothingIsFiled() throws IOException {
        long before = Fixtures.rows("cases", tenant.id());
        browser.get(base + "/t/" + tenant.slug() + "/report?lang=zh-CN");
        new Select(browser.findElement(By.id("category"))).selectByValue("fraud");
        browser.findElement(By.id("subjectValue")).sendKeys("https://fraud.example/");
        browser.findElement(By.id("description")).sendKeys("冒充客服诈骗。");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('input[name=csrf]').remove();");
        loads(() -> browser.findElement(By.cssSelector("button[type=submit]")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("表单已过期");
        shot("08-csrf-refused");
        assertThat(Fixtures.rows("cases", tenant.id())).isEqualTo(before);
    }

    @Test
    void aBusyBodysFormSolvesTheProofOfWorkInTheBrowserAndFilesTheReport() throws IOException {
        Fixtures.TestTenant busy = Fixtures.onboard("CONSUMER_COMPLAINTS");
        ProofOfWorkIT.flood(busy);
        long before = Fixtures.rows("cases", busy.id());

        browser.get(base + "/t/" + busy.slug() + "/report?lang=zh-CN");
        assertThat(browser.findElement(By.name("powToken")).getAttribute("data-pow-bits")).isEqualTo("18");
        new Select(browser.findElement(By.id("category"))).selectByValue("product-quality");
        browser.findElement(By.id("subjectValue")).sendKeys("https://shop.example/kettle");
        browser.findElement(By.id("description")).sendKeys("投诉高峰期提交：电热水壶漏电。");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        chromium.shot("10-proof-of-work-running"); // mid-way: the script submits the form by itself, no page to check

        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(d -> !d.findElements(By.id("receipt-code")).isEmpty());
        assertThat(browser.findElement(By.id("receipt-code")).getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        shot("11-proof-of-work-receipt");
        assertThat(Fixtures.rows("cases", busy.id())).isEqualTo(before + 1);
    }

    @Test
    void duringAFloodOfLookupsAReporterOpensTheirCaseThroughThePageAndWithoutJavaScriptIsToldWhatToDo() throws Exception {
        Fixtures.TestTenant busy = Fixtures.onboard("CONSUMER_COMPLAINTS");
        String receipt = Fixtures.submitted(busy, Fixtures.report("web", "product-quality")).get("receiptCode").asText();
        Fixtures.floodLookups(busy);
        String track = base + "/t/" + busy.slug() + "/track";

        browser.get(track + "?lang=zh-CN");
        assertThat(browser.findElement(By.name("powToken")).getAttribute("data-pow-bits")).isEqualTo("18");
        assertThat(browser.findElements(By.id("pow-noscript"))).as("shown only without JavaScript").isEmpty();
        ConsoleIT.lookInBothLanguages(chromium, "16-track-busy");
        browser.findElement(By.id("receiptCode")).sendKeys(receipt);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        chromium.shot("17-track-busy-checking"); // mid-way: the script sends the form by itself
        String status = waitForCase();
        assertThat(status).isEqualTo("已收到");
        assertThat(browser.getCurrentUrl()).doesNotContain(receipt).doesNotContain(receipt.replace("-", ""));
        shot("18-track-busy-case-zh");

        // the case page's forms carry challenges of their own: a reply goes through the flood too
        browser.findElement(By.id("message")).sendKeys("高峰期补充：购买凭证编号 A-1001。");
        browser.findElement(By.cssSelector("section[aria-labelledby=reply] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d ->
                !d.findElements(By.cssSelector("p.notice[role=status]:not(.pow-status)")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("p.notice[role=status]:not(.pow-status)")).getText())
                .isEqualTo("您补充的内容已收到。");
        shot("19-track-busy-replied-zh");

        // a garbled solution is refused in the reader's language, the code kept; pressing again (solved) opens the case
        for (String lang : List.of("zh-CN", "en")) {
            browser.get(track + "?lang=" + lang);
            browser.findElement(By.id("receiptCode")).sendKeys(receipt);
            ((JavascriptExecutor) browser).executeScript("document.querySelector('input[name=powSolution]').value = 'garbled';");
            loads(() -> browser.findElement(By.cssSelector("button[type=submit]")).click());
            assertThat(browser.findElement(By.id("receiptCode-error")).getText())
                    .contains(lang.equals("en") ? "was not accepted" : "校验未通过");
            assertThat(browser.findElement(By.id("receiptCode")).getAttribute("value")).isEqualTo(receipt);
            shot("20-track-busy-not-accepted-" + lang);
        }
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(waitForCase()).isEqualTo("Received");

        try (Chromium noScript = Chromium.startWithoutJavaScript()) {
            noScript.get(track + "?lang=zh-CN");
            assertThat(noScript.find("#pow-noscript").getText()).contains("需要启用 JavaScript");
            ConsoleIT.lookInBothLanguages(noScript, "21-track-busy-noscript");
            for (String lang : List.of("zh-CN", "en")) {
                noScript.get(track + "?lang=" + lang);
                noScript.find("#receiptCode").sendKeys(receipt);
                noScript.loads(() -> noScript.find("button[type=submit]").click());
                assertThat(noScript.find("#receiptCode-error").getText())
                        .contains(lang.equals("en") ? "Switch JavaScript on" : "请启用 JavaScript");
                assertThat(noScript.find("#receiptCode").getAttribute("value")).isEqualTo(receipt);
                assertThat(noScript.driver.findElements(By.id("status"))).isEmpty();
                assertThat(noScript.driver.findElements(By.id("pow-noscript"))).as("said once").isEmpty();
                ConsoleIT.look(noScript, "22-track-busy-refused-" + lang);
                noScript.phoneShot("22-track-busy-refused-" + lang + "-phone");
            }
        }
    }

    /** The case's status, once the page's script has solved its challenge and the case page is shown. */
    private static String waitForCase() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> !d.findElements(By.id("status")).isEmpty());
        return browser.findElement(By.id("status")).getText();
    }

    @Test
    void theStatisticsPageDrawsItsChartsAndShowsSmallCountsAsHidden() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        java.time.YearMonth last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        try (java.sql.Connection c = Fixtures.platform().ownerConnection();
             java.sql.PreparedStatement insert = c.prepareStatement("insert into statistics_cells (tenant_id, month, "
                     + "measure, category_code, channel_code, detail, count, total) values (?::uuid, ?, ?, ?, ?, ?, ?, 0)")) {
            Object[][] rows = {{"RECEIVED", "gambling", "web", "", 48}, {"RECEIVED", "rumours", "web", "", 31},
                    {"RECEIVED", "obscenity", "hotline", "", 4}, {"RECEIVED", "gambling", "email", "", 17},
                    {"DECIDED", "gambling", "web", "SUBSTANTIATED", 22}, {"DECIDED", "gambling", "web", "UNSUBSTANTIATED", 14},
                    {"ON_TIME", "gambling", "web", "DECIDE", 33}, {"LATE", "gambling", "web", "DECIDE", 3},
                    {"CLOSED", "gambling", "web", "", 36}, {"APPEALED", "gambling", "web", "", 2}};
            for (Object[] row : rows) {
                insert.setString(1, body.id());
                insert.setObject(2, last.atDay(1));
                insert.setString(3, (String) row[0]);
                insert.setString(4, (String) row[1]);
                insert.setString(5, (String) row[2]);
                insert.setString(6, (String) row[3]);
                insert.setLong(7, ((Integer) row[4]).longValue());
                insert.executeUpdate();
            }
        }
        // an admin's category name with markup in it is shown as text in the table and in the chart
        String typed = "谣言<img src=x onerror=alert(7)>";
        Api.Response renamed = api().putJson("/api/v1/tenants/" + body.slug() + "/configuration/categories/rumours",
                Api.object().put("nameZh", typed).put("nameEn", "Rumours").put("defaultSeverity", "ORDINARY")
                        .put("legalBasis", "《网络信息内容生态治理规定》"), new Api.Call().bearer(body.adminToken()));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        browser.get(base + "/t/" + body.slug() + "/statistics?lang=zh-CN");
        assertNoAlert();
        assertThat(browser.findElements(By.cssSelector("main img"))).as("markup stays text").isEmpty();
        assertThat(browser.findElement(By.id("by_category")).findElement(By.xpath("..")).getText()).contains(typed);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(last.getYear() + "年" + last.getMonthValue() + "月");
        assertThat(browser.findElements(By.cssSelector("svg.chart rect")).size()).isGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.cssSelector("[data-figure='by_category/obscenity/count']")).getText())
                .isEqualTo("< 10");
        assertThat(browser.findElement(By.cssSelector("[data-figure='summary/RECEIVED/count']")).getText()).isEqualTo("100");
        assertChartNamesDrawnWhole("");
        assertThat(chartLines("危害国家安全、颠覆分裂")).containsExactly("危害国家安全、颠覆分裂");
        shot("12-statistics-zh");
        categoryChartShots("12-statistics-zh-categories");
        loads(() -> browser.findElement(By.cssSelector("nav a[hreflang=en]")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(
                last.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        assertThat(browser.getCurrentUrl()).contains("period=" + last);
        assertChartNamesDrawnWhole(" ");
        assertThat(chartLines("Subversion or separatism")).containsExactly("Subversion or separatism");
        assertThat(chartLines("Privacy or personal-information infringement"))
                .containsExactly("Privacy or", "personal-information", "infringement");
        shot("13-statistics-en");
        categoryChartShots("13-statistics-en-categories");
    }

    /** The category chart, scrolled into view, on the desktop and at a phone's width. */
    private void categoryChartShots(String name) {
        org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
        for (org.openqa.selenium.Dimension size : List.of(desktop, new org.openqa.selenium.Dimension(375, 800))) {
            browser.manage().window().setSize(size);
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.id("by_category")));
            chromium.shot(name + (size == desktop ? "" : "-phone"));
        }
        browser.manage().window().setSize(desktop);
    }

    /** Every chart row's name is drawn whole (lines joined by {@code between}) and is its row's title. */
    private void assertChartNamesDrawnWhole(String between) {
        List<WebElement> rows = browser.findElements(By.cssSelector("svg.chart g"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            String title = row.findElement(By.tagName("title")).getAttribute("textContent");
            String drawn = String.join(between, row.findElements(By.tagName("tspan")).stream()
                    .map(line -> line.getAttribute("textContent")).toList());
            assertThat(drawn.replace(" ", "")).as("drawn name").isEqualTo(title.replace(" ", ""));
            assertThat(drawn).doesNotContain("[…]").doesNotContain("...");
        }
    }

    /** The lines the category chart draws for the row named {@code name}. */
    private List<String> chartLines(String name) {
        for (WebElement row : browser.findElements(By.cssSelector("svg.chart g"))) {
            if (row.findElement(By.tagName("title")).getAttribute("textContent").equals(name)) {
                return row.findElements(By.tagName("tspan")).stream().map(line -> line.getAttribute("textContent")).toList();
            }
        }
        throw new AssertionError("no chart row named " + name);
    }

    @Test
    void thePublishedReportsPageListsEachFileWithItsDigestInBothLanguages() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        DisclosureIT.backdate(body);
        Fixtures.sealAudit(body); // as the server's sequencer does within a second: the reports carry a head of one event
        var generation = jakarta.enterprise.inject.spi.CDI.current()
                .select(io.qinglang.admin.disclosure.application.DisclosureGeneration.class).get();
        generation.schedule();
        generation.generateQueued("browser-test");
        JsonNode published = api().get(DisclosureIT.publicBase(body.slug()), Api.Call.anonymous()).json();
        assertThat(published).hasSize(2);

        browser.get(base + "/t/" + body.slug() + "?lang=zh-CN");
        loads(() -> browser.findElement(By.linkText("公开报告")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("投诉举报受理处置情况公开报告");
        for (JsonNode report : published) {
            WebElement row = browser.findElement(By.cssSelector("tr[data-report='" + report.get("id").asText() + "']"));
            for (JsonNode document : report.get("documents")) {
                String href = "/api/v1/tenants/" + body.slug() + "/published-reports/" + report.get("id").asText() + "/"
                        + document.get("edition").asText();
                WebElement link = row.findElement(By.cssSelector("a[href='" + href + "']"));
                assertThat(link.getAttribute("download")).isEqualTo(document.get("fileName").asText());
                assertThat(row.getText()).contains(document.get("sha256").asText());
            }
        }
        assertThat(browser.findElement(By.cssSelector("table.reports")).getText()).contains("中文版 PDF", "英文版 PDF", "数据 CSV");
        // each report with the audit chain head it was made at; below, the body's head now
        for (JsonNode report : published) {
            JsonNode made = report.get("auditHead");
            assertThat(browser.findElement(By.cssSelector("tr[data-report='" + report.get("id").asText() + "'] [data-head=report]"))
                    .getText()).contains("生成时的审计链头：第 " + made.get("seq").asLong() + " 条", made.get("hash").asText());
        }
        JsonNode head = api().get("/api/v1/tenants/" + body.slug() + "/audit-head", Api.Call.anonymous()).json();
        assertThat(browser.findElement(By.cssSelector("[data-head=seq]")).getText()).isEqualTo(head.get("seq").asText());
        assertThat(browser.findElement(By.cssSelector("[data-head=hash]")).getText()).isEqualTo(head.get("hash").asText());
        shot("14-disclosures-zh");
        // an outsider checks the head one report was made at against what is stored now, with the page's form
        JsonNode kept = published.get(0).get("auditHead");
        checkHead("0", "");
        assertThat(browser.findElement(By.id("seq")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("seq-error")).getText()).contains("序号应为从 1 起的整数");
        assertThat(browser.findElements(By.cssSelector(".check-result"))).isEmpty();
        checkHead(kept.get("seq").asText(), kept.get("hash").asText().toUpperCase());
        assertThat(browser.findElement(By.cssSelector(".check-result")).getText()).contains("第 " + kept.get("seq").asText()
                + " 条记录现存的哈希值", kept.get("hash").asText(), "与您记下的哈希值相同");
        shot("14b-audit-head-check-zh");
        // the language switch keeps the check
        loads(() -> browser.findElement(By.cssSelector("nav a[hreflang=en]")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Disclosure reports on complaints and reports");
        assertThat(browser.findElement(By.cssSelector("table.reports")).getText()).contains("Chinese PDF", "English PDF",
                "Audit chain head when made: record " + kept.get("seq").asText());
        assertThat(browser.findElement(By.cssSelector(".check-result")).getText()).contains("It is the hash you kept");
        shot("15-disclosures-en");
        checkHead(kept.get("seq").asText(), "0".repeat(64));
        assertThat(browser.findElement(By.cssSelector(".check-result")).getText()).contains("It is not the hash you kept");
        shot("15b-audit-head-check-en");
        chromium.phoneShot("15c-audit-head-check-en-phone");
    }

    /** Types a kept number and hash into the page's check form (a plain GET form: no script needed) and sends it. */
    private static void checkHead(String seq, String hash) {
        for (String[] field : new String[][]{{"seq", seq}, {"hash", hash}}) {
            WebElement input = browser.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        loads(() -> browser.findElement(By.cssSelector("form.check button[type=submit]")).click());
    }
}
