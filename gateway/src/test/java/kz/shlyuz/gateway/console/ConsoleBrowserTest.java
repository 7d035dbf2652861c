package kz.shlyuz.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser (issue 14.4): Debian's headless Chromium driven by Selenium through
 * the console's HTTPS — log in, find a real signed call, see its signer's masked IIN, resend a
 * failed delivery and see the case go on, switch maintenance, read every action in the audit log,
 * the answer's signatures on the message page, and an observer without the resend button. A screenshot of each page is kept under
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/console-screenshots");

    private WebDriver browser;
    private ConsoleEnvironment env;

    private static WebDriver chromium(Path profile) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, "CI installs chromium and chromium-driver (.ci/run)");
        }
        Assumptions.assumeTrue(
                present,
                "no Chromium: apt-get install -y chromium chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        // Both paths are given, so Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        // The console's certificate is the dev PKI's, which this browser profile does not know.
        options.setAcceptInsecureCerts(true);
        return new ChromeDriver(service, options);
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void open(String path) {
        browser.get(env.url(path));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** After a form posts, the page is replaced: reads {@code css} until the new page shows {@code expected}. */
    private void awaitText(String css, String expected) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
    }

    private void login(String role) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(env.accounts.get(role)[0]);
        browser.findElement(By.id("password")).sendKeys(env.accounts.get(role)[1]);
        browser.findElement(By.id("login-submit")).click();
        Await.until(() -> browser.getCurrentUrl().contains("/journal"), Duration.ofSeconds(10), () -> "logged in");
    }

    /** Reloads {@code path} until {@code css} shows {@code expected}. */
    private void reloadUntil(String path, String css, String expected) {
        Await.until(
                () -> {
                    open(path);
                    return browser.findElements(By.cssSelector(css)).stream()
                            .anyMatch(e -> e.getText().contains(expected));
                },
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                () -> path + ": " + css + " never showed " + expected);
    }

    @Test
    void anOperatorFindsACallResendsAFailedDeliveryAndSwitchesMaintenanceWhileAnObserverCannotResend()
            throws Exception {
        Path profile = Files.createTempDirectory("shlyuz-chromium-");
        browser = chromium(profile);
        try (ConsoleEnvironment started = new ConsoleEnvironment(Set.of("tax"))) {
            env = started;
            open("/login?lang=ru");
            shot("01-login");
            login("operator");
            browser.findElement(By.id("lang-ru")).click();
            assertEquals("Дела", text("#nav-cases"));
            browser.findElement(By.id("lang-kk")).click();
            assertEquals("Істер", text("#nav-cases"));

            RequestContent call = ConsoleEnvironment.addressCertificateRequest();
            env.test.client("egov-portal").call(env.signedByTheCitizen(call));
            open("/journal");
            browser.findElement(By.id("messageId")).sendKeys(call.getMessageId());
            browser.findElement(By.id("search-submit")).click();
            assertEquals(
                    1,
                    browser.findElements(By.cssSelector("#journal a.message-link"))
                            .size());
            shot("02-journal");
            String page = browser.findElement(By.cssSelector("#journal a.message-link"))
                    .getDomAttribute("href");
            // The evidence record (with the signature) is written beside the answer: reload until it is there.
            reloadUntil(page, "#signers td.iin", "*");
            assertEquals(Iin.mask(Persona.CLEAN.iin().value()), text("#signers td.iin"));
            assertTrue(!browser.getPageSource().contains(Persona.CLEAN.iin().value()), "no full IIN on the page");
            // The answer's signatures: the agencies and the gateway, whose SignerInfo is time-stamped.
            var answer = browser.findElement(By.id("answer-signatures"));
            assertTrue(answer.isDisplayed(), "the answer's signatures are on the message page");
            assertEquals("COUNTERSIGNED", text("#answer-form"));
            assertTrue(
                    browser.findElements(By.cssSelector("#answer-signers td.bin")).stream()
                            .anyMatch(e -> e.getText()
                                    .equals(kz.shlyuz.certs.identity.Organisation.GATEWAY_OPERATOR
                                            .bin()
                                            .value())),
                    answer.getText());
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", answer);
            shot("03-message");

            ExitPermanentResidenceRequest exit = kz.shlyuz.adapters.samples.ExitQuestionnaire.of(
                            Persona.CLEAN.iin().value(),
                            java.time.LocalDate.ofInstant(
                                    env.clock.instant(), kz.shlyuz.gateway.calendar.KazakhstanCalendar.ZONE))
                    .build();
            SubmitAck ack = env.test
                    .client("hkko")
                    .submit(env.requests.sign(
                            RequestBuilder.content("hkko", "EXIT_PERMANENT_RESIDENCE", exit, java.time.Instant.now()),
                            env.keys("hkko-operator")));
            String row = "#deliveries tr[data-case='" + ack.getCaseId() + "'] td.delivery-status";
            reloadUntil("/deliveries", row, "FAILED");
            String taxStep = "#cases tr[data-step='TAX_DEBT_CHECK'] td.step-state";
            reloadUntil("/cases?caseId=" + ack.getCaseId(), taxStep, "UNDELIVERED");
            open("/deliveries");
            shot("04-deliveries");
            env.test.adapters.start("tax");
            // As an operator would: resend while the agency's channel is still reconnecting and the
            // one attempt fails again, until the case's tax check has answered.
            String pick = "#deliveries tr[data-case='" + ack.getCaseId() + "'] input[name='id']";
            Await.until(
                    () -> {
                        open("/deliveries");
                        if (!browser.findElements(By.cssSelector(pick)).isEmpty()) {
                            browser.findElement(By.cssSelector(pick)).click();
                            browser.findElement(By.id("resend-selected")).click();
                        }
                        open("/cases?caseId=" + ack.getCaseId());
                        return browser.findElements(By.cssSelector(taxStep)).stream()
                                .anyMatch(e -> e.getText().contains("CLEAR"));
                    },
                    Duration.ofSeconds(60),
                    Duration.ofMillis(500),
                    () -> "the resent tax check answers");
            shot("05-cases");

            open("/maintenance");
            browser.findElement(By.id("maintenance-on")).click();
            awaitText("#maintenance-state", "ON");
            shot("06-maintenance");
            browser.findElement(By.id("maintenance-off")).click();
            awaitText("#maintenance-state", "OFF");

            open("/traffic");
            assertTrue(browser.findElements(By.cssSelector("section.service[data-service='ADDRESS_CERTIFICATE']"))
                            .size()
                    == 1);
            shot("07-traffic");
            open("/dependencies");
            assertTrue(browser.findElements(By.cssSelector("#dependencies tr")).size() > 1);
            shot("08-dependencies");
            browser.findElement(By.id("logout")).click();

            login("security");
            open("/audit");
            String log = text("#audit");
            for (String action : new String[] {"login", "delivery.resend", "maintenance.on", "maintenance.off"}) {
                assertTrue(log.contains(action), action + " in the audit log:\n" + log);
            }
            shot("09-audit");
            browser.findElement(By.id("logout")).click();

            login("observer");
            open("/deliveries");
            assertTrue(browser.findElements(By.id("resend-selected")).isEmpty(), "no resend button for an observer");
            assertEquals(
                    403, env.post("observer", "/api/v1/deliveries/1/resend", "").statusCode());
            open("/audit");
            assertTrue(browser.findElements(By.id("forbidden")).size() == 1);
        } finally {
            browser.quit();
        }
    }
}
