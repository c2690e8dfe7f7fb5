package dev.kept.playground;

import dev.kept.KeptApplication;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The playground in a real browser (Debian's headless chromium), used with the keyboard, from a
 * promise to the provider reading the receiver's feedback: Alice promises Bob, Bob says sounds good
 * (and a new message appears without a reload), the clock jumps, Alice delivers, Bob is asked, rates
 * it 2 and sends feedback, and Alice reads the rating and the feedback. Skipped when chromium isn't
 * installed ({@code .ci/run} installs it). Leaves a screenshot of the end in {@code target/playground.png}.
 */
@SpringBootTest(classes = KeptApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundChromiumTest {

    static final Path CHROMIUM = Path.of(System.getProperty("kept.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("kept.test.chromedriver", "/usr/bin/chromedriver"));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kept.slack.bot-token", () -> "");
        registry.add("kept.slack.app-token", () -> "");
        registry.add("kept.slack.signing-secret", () -> "");
        registry.add("kept.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        TestRedis.flushAll();
        new PlaygroundBrowser(port, "alice").post("/playground/reset", Map.of());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,1800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPromiseFromCreationToTheProviderReadingTheReceiversFeedback() throws IOException {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.cssSelector("header.banner")).getText()).contains("Local playground");

        say("/promise @bob the <b>Q3</b> deck by friday 3pm");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("You promised"));
        assertThat(conversationText()).contains("the <b>Q3</b> deck");

        switchTo("bob");
        press("Sounds good");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElements(By.xpath("//button[normalize-space()='Sounds good']")).isEmpty());

        // Alice promises Bob something else elsewhere: Bob's open page shows it without a reload.
        String marker = (String) browser.executeScript("document.body.dataset.marker = 'same-page'; return 'same-page';");
        new PlaygroundBrowser(port, "alice").say("/promise @bob the budget review by friday 4pm");
        await().atMost(Duration.ofSeconds(15)).until(() -> conversationText().contains("the budget review"));
        assertThat(browser.executeScript("return document.body.dataset.marker;")).isEqualTo(marker);

        // Alice delivers once the clock has moved on; the rating question reaches Bob by itself.
        switchTo("alice");
        String id = promiseId(conversationText(), "the <b>Q3</b> deck");
        press("Jump to the next nudge");
        await().atMost(Duration.ofSeconds(15)).until(() -> conversationText().contains("Reminder"));
        say("/promise done " + id);
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("Marked " + id));
        switchTo("bob");
        for (int jump = 0; jump < 6 && !conversationText().contains("How satisfied"); jump++) {
            String before = browser.findElement(By.cssSelector("section[aria-labelledby='clock-h']")).getText();
            press("Jump to the next nudge");
            await().atMost(Duration.ofSeconds(15)).until(() -> !before.equals(
                    browser.findElement(By.cssSelector("section[aria-labelledby='clock-h']")).getText()));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> conversationText().contains("How satisfied"));

        // Bob rates it 2 of 5 and says what would have helped, both ways.
        press("Not quite");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("Sorry it fell short"));
        press("Share feedback");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("form.kept-form")).isEmpty());
        typeInto("in.better", "a draft midway would have let me steer");
        typeInto("in.easier", "I could have sent the data on Monday");
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.cssSelector("form.kept-form button[type='submit']")).sendKeys(Keys.ENTER);
            return true;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("has your feedback"));

        // Alice reads the rating and the feedback: the end of the flow, kept as a screenshot.
        switchTo("alice");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("shared feedback"));
        assertThat(conversationText()).contains("Not quite (2 of 5)", "a draft midway would have let me steer",
                "I could have sent the data on Monday");

        Path shot = Path.of("target", "playground.png");
        Files.createDirectories(shot.getParent());
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isPositive();
    }

    @Test
    void aFormSentBackWithProblemsKeepsWhatWasTypedAndItsErrorsWhileThePageIsLive() {
        browser.get("http://localhost:" + port + "/playground?as=alice");
        awaitLive();
        say("/promise");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("form.kept-form")).isEmpty());
        typeInto("in." + dev.kept.promise.ActionIds.INPUT_WHAT, "the <b>Q3</b> deck");
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.cssSelector("form.kept-form button[type='submit']")).sendKeys(Keys.ENTER);
            return true;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/playground/submit"));
        // The 422 page has connected its live stream and had its first look: it must still be the 422 page.
        awaitLive();
        WebElement what = browser.findElement(By.cssSelector("form.kept-form [name='in." + dev.kept.promise.ActionIds.INPUT_WHAT + "']"));
        assertThat(what.getAttribute("value")).isEqualTo("the <b>Q3</b> deck");
        assertThat(browser.findElements(By.cssSelector("form.kept-form p.error"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("form.kept-form")).getText()).contains("Please look at the fields marked below.");
    }

    @Test
    void oneLongWordWrapsInsteadOfWideningThePage() {
        browser.get("http://localhost:" + port + "/playground?as=alice");
        say("/promise @bob the " + "x".repeat(300) + " by friday 3pm");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("You promised"));
        assertThat(pageFitsTheWindow()).as("scrollWidth <= innerWidth").isTrue();
    }

    @Test
    void aPhoneWideWindowHasNoSidewaysScroll() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get("http://localhost:" + port + "/playground?as=alice");
        say("/promise @bob the Q3 deck by friday 3pm");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("You promised"));
        say("/promise");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("form.kept-form")).isEmpty());
        assertThat((Long) browser.executeScript("return window.innerWidth;")).isLessThanOrEqualTo(400L);
        assertThat(pageFitsTheWindow()).as("scrollWidth <= innerWidth").isTrue();
    }

    private boolean pageFitsTheWindow() {
        return (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    /** Waits until the page's live stream is open and its first refresh has been applied. */
    private void awaitLive() {
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "ready".equals(browser.executeScript("return document.documentElement.getAttribute('data-live');")));
    }

    private void switchTo(String who) {
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            new Select(browser.findElement(By.id("as"))).selectByValue(who);
            browser.findElement(By.cssSelector("form.who button")).sendKeys(Keys.ENTER);
            return true;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("as=" + who));
    }

    /**
     * Types into a field of the open form. The live update may replace the conversation just before
     * the field is focused (it leaves it alone once someone is typing), so a stale field is found again.
     */
    private void typeInto(String name, CharSequence text) {
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            WebElement field = browser.findElement(By.cssSelector("form.kept-form [name='" + name + "']"));
            field.click();
            field.sendKeys(text);
            return true;
        });
    }

    private void say(String text) {
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.id("text")).sendKeys(text, Keys.ENTER);
            return true;
        });
    }

    /**
     * Presses the first button whose label contains {@code label}, with the keyboard. The page looks
     * for news when its live stream connects and may redraw the conversation, so a stale button is
     * found again.
     */
    private void press(String label) {
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.xpath("//button[contains(normalize-space(), '" + label + "')]")).sendKeys(Keys.ENTER);
            return true;
        });
    }

    /** The id in "(promise K7Q2)" of Alice's confirmation about {@code what}. */
    private static String promiseId(String conversation, String what) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile(java.util.regex.Pattern.quote(what) + " by [^(]*\\(promise ([A-Z0-9]{4,10})\\)")
                .matcher(conversation);
        assertThat(m.find()).as("a confirmation naming the promise id in: %s", conversation).isTrue();
        return m.group(1);
    }

    private String conversationText() {
        return browser.findElement(By.id("conversation")).getText();
    }
}
