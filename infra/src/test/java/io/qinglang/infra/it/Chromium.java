package io.qinglang.infra.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through its chromedriver, as the browser tests use it: a fresh profile per
 * browser (so two browsers are two people), screenshots under {@code target/browser-screenshots}, a wait for the next
 * page after a click that leads to one, and axe-core's WCAG 2.1 A/AA check of the page shown.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "browser-screenshots");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final ChromeDriver driver;
    /** Whether the pages' scripts run in this browser. */
    private final boolean scripts;
    /** A browser that runs scripts, for axe-core's check of what a browser without them shows; started when needed. */
    private static Chromium checker;

    private Chromium(ChromeDriver driver, boolean scripts) {
        this.driver = driver;
        this.scripts = scripts;
    }

    /** A new browser whose pages ask for Chinese first. */
    static Chromium start() {
        return start(true);
    }

    /** A new browser that runs no page's scripts (the tests' own, such as axe-core's, still run). */
    static Chromium startWithoutJavaScript() {
        return start(false);
    }

    private static Chromium start(boolean scripts) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests need Debian's chromium and chromium-driver (apt-get install chromium "
                        + "chromium-driver); .ci/run installs them.").isTrue();
        try {
            Files.createDirectories(SHOTS);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1000,1400", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("qinglang-chromium"));
            Map<String, Object> allPrefs = new java.util.HashMap<>();
            if (!scripts) {
                allPrefs.put("profile.managed_default_content_settings.javascript", 2);
            }
            allPrefs.put("intl.accept_languages", "zh-CN,zh");
            options.setExperimentalOption("prefs", allPrefs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, scripts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void shot(String name) {
        File png = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot at a phone's width (375 px), then back to the desktop window. */
    void phoneShot(String name) {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(375, 800));
        try {
            shot(name);
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    /**
     * Does what leads to a new page (a link, a form) and waits until the old page is gone: a click may return before
     * the browser has begun to load what it leads to, and the next lookup would find the old page.
     */
    void loads(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        // gone: ChromeDriver says so as a stale element or, at times, as a node that "does not belong to the document"
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /**
     * axe-core finds no WCAG 2.1 A or AA violation on the page shown. axe-core is a script: in a browser that runs none
     * it cannot run (it would wait for its script timeout, then report nothing), so the page as that browser shows it
     * — its DOM, with what it shows in place of scripts ({@code <noscript>}) and without the scripts — is checked in a
     * browser that runs them.
     */
    void assertAccessible(String page) {
        if (!scripts) {
            checker().showsMarkup(driver.getCurrentUrl(), driver.getPageSource());
            checker.assertAccessible(page + " (without JavaScript)");
            return;
        }
        // axe.run in the page itself ("legacy mode"): the same rules, a quarter faster than running them frame by frame
        // and finishing in a new tab; the pages have no frames
        Results results = new AxeBuilder().withTags(WCAG_21_AA).setLegacyMode(true).analyze(driver);
        assertThat(results.getErrorMessage()).as(page + ": axe-core did not run").isNull();
        assertThat(results.getPasses()).as(page + ": axe-core checked nothing").isNotEmpty();
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(page + ": " + violations.stream().map(v -> v.getId() + " — " + v.getHelp() + " at "
                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void get(String url) {
        driver.get(url);
    }

    private static synchronized Chromium checker() {
        if (checker == null) {
            checker = start();
            Runtime.getRuntime().addShutdownHook(new Thread(checker::close));
        }
        return checker;
    }

    /** Shows {@code html}, a page's DOM as a browser without scripts has it, as that browser shows it. */
    private void showsMarkup(String url, String html) {
        String shown = html.replaceAll("(?is)<script\\b.*?</script>", "")
                .replaceAll("(?i)<noscript\\b", "<div data-noscript").replaceAll("(?i)</noscript>", "</div>")
                .replaceFirst("(?i)<head([^>]*)>", "<head$1><base href=\"" + url.replace("\"", "%22") + "\">");
        driver.get("data:text/html;charset=utf-8;base64,"
                + java.util.Base64.getEncoder().encodeToString(shown.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
