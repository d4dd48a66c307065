package io.demanager.adapter.http;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver, both found on the PATH. The driver is given to
 * Selenium explicitly, so that Selenium Manager never looks for (or downloads) one; the browser is kept off the
 * network but for the server under test.
 */
final class Chromium implements AutoCloseable {

    /** Where screenshots of the console go when this system property names a folder (see the README). */
    static final String SCREENSHOTS = "demanager.screenshots";

    final ChromeDriver driver;
    private final ChromeDriverService service;

    private Chromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Started, or the test is skipped saying which Debian package is missing. */
    static Chromium startOrSkip() {
        Optional<Path> browser = onPath("chromium");
        Optional<Path> chromedriver = onPath("chromedriver");
        assumeTrue(browser.isPresent(), "Debian's chromium is not installed: the console's browser tests are skipped");
        assumeTrue(chromedriver.isPresent(), "Debian's chromium-driver is not installed: the console's browser tests are skipped");
        var options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--window-size=1280,900", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-default-apps", "--disable-extensions",
                // Nothing but the server under test on this machine resolves.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium refuses to start its sandbox as root (CI runs as root); only then is it turned off.
            options.addArguments("--no-sandbox");
        }
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(service, new ChromeDriver(service, options));
    }

    /** The browser console's errors so far: failed scripts, Content-Security-Policy violations. */
    List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // An API refusal is the browser's "failed to load resource": the console shows it; it is no fault.
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A screenshot named {@code name}.png in the folder of {@link #SCREENSHOTS}, when it is set. */
    void screenshot(String name) {
        String folder = System.getProperty(SCREENSHOTS);
        if (folder == null) {
            return;
        }
        try {
            Path target = Path.of(folder).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
