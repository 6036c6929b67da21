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

    /** A new browser (a new person), signed in as {@code name} of the body at Keycloak's own login page. */
    static Chromium signedIn(String name, Fixtures.TestTenant tenant) {
        Chromium browser = Chromium.start();
        BROWSERS.add(browser);
        browser.get(base + "/console/");
        assertThat(browser.driver.getCurrentUrl()).as("the console sends a stranger to Keycloak")
                .startsWith(Fixtures.platform().endpoints().issuer());
        browser.find("#username").sendKeys(name + "@" + tenant.slug() + ".example");
        if (browser.driver.findElements(By.id("password")).isEmpty()) {
            browser.loads(() -> browser.find("#kc-login").click()); // organizations on: the user name comes first
        }
        browser.find("#password").sendKeys(Fixtures.PASSWORD);
        browser.loads(() -> browser.find("#kc-login").click());
        assertThat(browser.driver.getCurrentUrl()).startsWith(base + "/console/");
        return browser;
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
        Chromium handler = signedIn("handler", desk.tenant());
        assertThat(handler.driver.getCurrentUrl()).startsWith(base + "/console/cases");
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
        look(handler, "console-03-intake-receipt-zh");
        String reference = text(handler, "#reference");
        handler.loads(() -> handler.driver.findElement(By.linkText("打开案件")).click());
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
}
