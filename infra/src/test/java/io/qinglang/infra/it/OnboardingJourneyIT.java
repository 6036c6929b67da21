package io.qinglang.infra.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;

import static io.qinglang.infra.it.AdminConsoleIT.followInvitation;
import static io.qinglang.infra.it.AdminConsoleIT.submit;
import static io.qinglang.infra.it.AdminConsoleIT.type;
import static io.qinglang.infra.it.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From nothing to a working body, in real browsers and through Keycloak's own pages: the platform operator onboards a
 * body; its first admin follows the invitation mail (read from the SMTP catcher), sets a password, signs in, adds a
 * channel, a category and a deadline policy (whose preview promises a due date), imports next year's calendar from an
 * .ics file and invites a handler; the handler follows their mail and signs in; a reporter sends a report through the
 * portal's form; the report is on the handler's list with the deadline the preview promised.
 */
class OnboardingJourneyIT {

    private static final List<Chromium> BROWSERS = new ArrayList<>();

    @AfterAll
    static void close() {
        BROWSERS.forEach(Chromium::close);
    }

    private static Chromium browser() {
        Chromium browser = Chromium.start();
        BROWSERS.add(browser);
        return browser;
    }

    @Test
    void anOperatorOnboardsABodyThatIsThenReadyToReceiveReports() {
        String base = api().base();
        String slug = Fixtures.uniqueSlug("journey");
        String adminEmail = "first-admin@" + slug + ".example";

        // the operator onboards the body
        Chromium operator = OperatorConsoleIT.signedInAsOperator();
        BROWSERS.add(operator);
        OperatorConsoleIT.onboardInBrowser(operator, slug, "INTERNET_CONTENT", adminEmail);

        // its first admin follows the invitation, sets a password and signs in
        Chromium admin = browser();
        followInvitation(admin, adminEmail, Fixtures.PASSWORD);
        ConsoleIT.signIn(admin, adminEmail, Fixtures.PASSWORD);
        admin.get(base + "/console/admin?lang=en");
        assertThat(admin.find("h1").getText()).isEqualTo("Overview");
        admin.shot("journey-01-first-admin-dashboard-en");

        // a channel
        admin.get(base + "/console/admin/channels?lang=en");
        type(admin, "code", "night-line");
        type(admin, "nameZh", "夜间举报热线");
        type(admin, "nameEn", "Night line");
        new Select(admin.find("#kind")).selectByValue("HOTLINE");
        type(admin, "contact", "12377");
        type(admin, "hours", "Daily 20:00-24:00");
        submit(admin, "#channel-form button[type=submit]");
        assertThat(admin.find("#channel-night-line").getText()).contains("Night line");

        // a category
        admin.get(base + "/console/admin/categories?lang=en");
        type(admin, "code", "deepfakes");
        type(admin, "nameZh", "深度伪造");
        type(admin, "nameEn", "Deepfakes");
        new Select(admin.find("#defaultSeverity")).selectByValue("SERIOUS");
        submit(admin, "#category-form button[type=submit]");
        assertThat(admin.find("#category-deepfakes").getText()).contains("Deepfakes");

        // a policy: acceptance of a deepfake report within 3 working days; the preview promises a date
        admin.get(base + "/console/admin/deadlines?lang=en");
        new Select(admin.find("#stage")).selectByValue("ACCEPT");
        new Select(admin.find("#category")).selectByValue("deepfakes");
        type(admin, "amount", "3");
        new Select(admin.find("#unit")).selectByValue("WORKING_DAYS");
        submit(admin, "#preview-button");
        String promised = admin.find("#preview-due-at").getText();
        assertThat(promised).matches("\\d{4}-\\d{2}-\\d{2} 23:59");
        submit(admin, "#adopt");
        assertThat(admin.find("#saved").isDisplayed()).isTrue();

        // next year's working calendar from an .ics file
        admin.get(base + "/console/admin/calendar?lang=en&year=2027");
        AdminConsoleIT.importYear(admin, 2027, AdminConsoleIT.file("cn-2027.ics", AdminConsoleIT.ICS_2027));

        // a handler, invited; they follow their mail and sign in
        String handlerEmail = "handler@" + slug + ".example";
        admin.get(base + "/console/admin/staff?lang=en");
        type(admin, "email", handlerEmail);
        type(admin, "firstName", "Hai");
        type(admin, "lastName", "Handler");
        submit(admin, "#invite-button");
        assertThat(admin.find("#saved").getText()).isEqualTo("The invitation was sent.");
        Chromium handler = browser();
        followInvitation(handler, handlerEmail, Fixtures.PASSWORD);
        ConsoleIT.signIn(handler, handlerEmail, Fixtures.PASSWORD);

        // a reporter uses the portal's form
        Chromium reporter = browser();
        reporter.get(base + "/t/" + slug + "/report?lang=en");
        new Select(reporter.find("#category")).selectByValue("deepfakes");
        reporter.find("#subjectValue").sendKeys("https://video.example/fake-speech");
        reporter.find("#description").sendKeys("A video puts false words in an official's mouth.");
        reporter.loads(() -> reporter.find("button[type=submit]").click());
        String receipt = reporter.find("#receipt-code").getText();
        Fixtures.platform().remember(receipt.replace("-", ""));
        Fixtures.platform().remember(reporter.find("#claim-secret").getText().replace("-", ""));

        // on the handler's list, with the deadline the preview promised
        handler.get(base + "/console/cases?lang=en");
        List<WebElement> rows = handler.driver.findElements(By.cssSelector("table.cases tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Acceptance review");
        assertThat(rows.get(0).findElement(By.cssSelector(".due-at")).getText()).isEqualTo(promised);
        handler.shot("journey-02-handler-list-en");
    }
}
