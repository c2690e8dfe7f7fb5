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
 * The playground in a real browser (Debian's headless chromium), used with the keyboard: a promise
 * typed and sent with Enter, the colleague switched, a button pressed, and a new message appearing
 * without a reload. Skipped when chromium isn't installed. Leaves a screenshot in
 * {@code target/playground.png}.
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
    void aPromiseMadeAgreedAndSeenArrivingLive() throws IOException {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.cssSelector("header.banner")).getText()).contains("Local playground");

        WebElement command = browser.findElement(By.id("text"));
        command.sendKeys("/promise @bob the <b>Q3</b> deck by friday 3pm", Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> conversationText().contains("You promised"));
        assertThat(conversationText()).contains("the <b>Q3</b> deck");

        new Select(browser.findElement(By.id("as"))).selectByValue("bob");
        browser.findElement(By.cssSelector("form.who button")).sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("as=bob"));
        WebElement soundsGood = browser.findElement(By.xpath("//button[normalize-space()='Sounds good']"));
        soundsGood.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElements(By.xpath("//button[normalize-space()='Sounds good']")).isEmpty());

        // Alice promises Bob something else elsewhere: Bob's open page shows it without a reload.
        String marker = (String) browser.executeScript("document.body.dataset.marker = 'same-page'; return 'same-page';");
        new PlaygroundBrowser(port, "alice").say("/promise @bob the budget review by friday 4pm");
        await().atMost(Duration.ofSeconds(15)).until(() -> conversationText().contains("the budget review"));
        assertThat(browser.executeScript("return document.body.dataset.marker;")).isEqualTo(marker);

        Path shot = Path.of("target", "playground.png");
        Files.createDirectories(shot.getParent());
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isPositive();
    }

    private String conversationText() {
        return browser.findElement(By.id("conversation")).getText();
    }
}
