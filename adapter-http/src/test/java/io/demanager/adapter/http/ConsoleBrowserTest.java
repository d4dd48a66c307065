package io.demanager.adapter.http;

import io.demanager.domain.instance.RuntimeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real, headless Chromium, against the real API (the runtime's progress is reported by the test):
 * an instance's whole life through the console, and a refusal shown in the API's words.
 */
class ConsoleBrowserTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    private static Chromium chromium;
    private static WebDriverWait wait;
    private static String project;
    private static String training;

    @BeforeAll
    static void signed_in() {
        chromium = Chromium.startOrSkip();
        // The list is redrawn as it changes: an element found a moment ago may be gone, and is looked for again.
        wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        project = ApiServer.newProject();
        server.createRunning(project, "analysis");
        training = server.create(project, Bodies.create("training"));
        chromium.driver.get("http://127.0.0.1:" + server.client.port() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project")));
        chromium.screenshot("sign-in");
        type("project", project);
        type("token", ApiServer.TOKEN);
        byId("sign-in").submit();
        row("analysis");
    }

    /** The session outlives a reload: each test starts from the list, signed in, with no dialog open. */
    @BeforeEach
    void on_the_list() {
        chromium.driver.navigate().refresh();
        row("analysis");
    }

    @AfterAll
    static void no_script_error_nor_policy_violation() {
        if (chromium != null) {
            try {
                assertThat(chromium.errors()).isEmpty();
            } finally {
                chromium.close();
            }
        }
    }

    @Test
    void an_instance_is_created_its_auto_stop_counts_down_and_is_edited_then_it_is_stopped_and_deleted() {
        byId("new-instance").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-dialog")));
        type("create-name", "my-notebook");
        new Select(byId("create-profile")).selectByValue(Bodies.CPU_PROFILE);
        new Select(byId("create-flavor")).selectByValue(Bodies.CPU_FLAVOR);
        byId("create-auto-stop-1").click();
        byId("create-idle-stop-enabled").click();
        chromium.screenshot("create");
        submit("create-form");
        String id = wait.until(driver -> row("my-notebook").getAttribute("data-id"));
        waitForStatus("my-notebook", "CREATING");

        server.report(project, id, new RuntimeEvent.Created(ACCESS));
        waitForStatus("my-notebook", "RUNNING");
        wait.until(driver -> countdown("my-notebook").startsWith("Stops in 0:59:5"));
        server.clock.advance(Duration.ofMinutes(30));
        // Time passing is no event: the console shows it at its next refresh, or at once when reloaded.
        chromium.driver.navigate().refresh();
        wait.until(driver -> countdown("my-notebook").matches("Stops in 0:(2\\d|30):\\d\\d"));
        chromium.screenshot("instances");

        action("my-notebook", "edit");
        WebElement note = byId("edit-running-note");
        assertThat(note.getText()).contains("applies at its next start").contains("still stops in 0:");
        byId("edit-auto-stop-4").click();
        type("edit-description", "four hours from the next start");
        chromium.screenshot("edit");
        submit("edit-form");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-dialog")));
        var document = server.client.get(instancePath(project, id)).json();
        assertThat(document.at("/spec/auto_stop/duration").asLong()).isEqualTo(4 * 3600);
        assertThat(document.path("description").asText()).isEqualTo("four hours from the next start");
        String stillCounting = wait.until(driver -> countdown("my-notebook"));
        assertThat(stillCounting).matches("Stops in 0:(2\\d|30):\\d\\d");

        action("my-notebook", "stop");
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "my-notebook: RUNNING to STOPPING."));
        waitForStatus("my-notebook", "STOPPING");
        server.report(project, id, new RuntimeEvent.Stopped());
        waitForStatus("my-notebook", "STOPPED");

        action("my-notebook", "events");
        wait.until(driver -> byId("timeline").findElements(By.tagName("li")).size() == 4);
        assertThat(byId("timeline").findElements(By.cssSelector("li .badge")).get(0).getText()).isEqualTo("STOPPING");
        chromium.screenshot("events");
        byId("events-dialog").findElement(By.className("cancel")).click();

        action("my-notebook", "delete");
        assertThat(byId("delete-text").getText()).contains("cannot be undone");
        submit("delete-form");
        wait.until(driver -> names().stream().noneMatch("my-notebook"::equals));
        assertThat(server.client.get(instancePath(project, id)).errorCode()).isEqualTo("ModelArts.6309");
    }

    @Test
    void a_change_made_elsewhere_shows_at_once_through_the_event_stream_not_at_the_next_refresh() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Live"));
        waitForStatus("training", "CREATING");

        server.report(project, training, new RuntimeEvent.Created(ACCESS));

        // The list was read when the stream opened; the next timed refresh is 15 s later.
        new WebDriverWait(chromium.driver, Duration.ofSeconds(7)).ignoring(StaleElementReferenceException.class)
                .until(driver -> row("training").findElement(By.className("badge")).getText().equals("RUNNING"));
    }

    @Test
    void idle_stop_is_chosen_shown_and_turned_off_and_a_stopped_free_instance_says_when_it_will_be_deleted() {
        String free = server.create(project, Bodies.create("free-notebook", Bodies.FREE_FLAVOR, Bodies.CPU_PROFILE));
        server.report(project, free, new RuntimeEvent.Created(ACCESS));
        server.stop(project, free);
        long deletedAt = server.client.get(instancePath(project, free)).json().at("/retention_info/delete_timestamp").asLong();
        String shownDate = (String) ((JavascriptExecutor) chromium.driver)
                .executeScript("return new Date(arguments[0]).toLocaleString()", deletedAt);
        waitForStatus("free-notebook", "STOPPED");
        assertThat(row("free-notebook").findElement(By.className("retention")).getText())
                .isEqualTo("Deleted " + shownDate + " unless started");

        byId("new-instance").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-dialog")));
        type("create-name", "idle-notebook");
        new Select(byId("create-profile")).selectByValue(Bodies.CPU_PROFILE);
        new Select(byId("create-flavor")).selectByValue(Bodies.CPU_FLAVOR);
        byId("create-idle-stop-enabled").click();
        type("create-idle-stop-minutes", "30");
        submit("create-form");
        String id = wait.until(driver -> row("idle-notebook").getAttribute("data-id"));
        String idleStopNote = wait.until(driver -> row("idle-notebook").findElement(By.className("idle-stop")).getText());
        assertThat(idleStopNote).isEqualTo("Idle stop after 30 minutes unused");
        assertThat(server.client.get(instancePath(project, id)).json().at("/spec/idle_stop/idle_seconds").asLong()).isEqualTo(1800);

        action("idle-notebook", "edit");
        assertThat(byId("edit-idle-stop-enabled").isSelected()).isTrue();
        assertThat(byId("edit-idle-stop-minutes").getAttribute("value")).isEqualTo("30");
        byId("edit-idle-stop-enabled").click();
        submit("edit-form");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-dialog")));
        assertThat(server.client.get(instancePath(project, id)).json().at("/spec/idle_stop/enable").asBoolean()).isFalse();
        wait.until(driver -> row("idle-notebook").findElements(By.className("idle-stop")).isEmpty());
    }

    @Test
    void a_refused_request_shows_the_api_s_own_error_and_changes_nothing() {
        byId("new-instance").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-dialog")));
        type("create-name", "analysis");
        new Select(byId("create-profile")).selectByValue(Bodies.CPU_PROFILE);
        submit("create-form");

        wait.until(driver -> !byId("create-error").getText().isEmpty());
        assertThat(byId("create-error").getText()).contains("ModelArts.63");
        assertThat(byId("create-dialog").isDisplayed()).isTrue();
        byId("create-dialog").findElement(By.className("cancel")).click();
        assertThat(names().stream().filter("analysis"::equals)).hasSize(1);
    }

    @Test
    void at_phone_width_each_instance_is_a_card_and_the_api_reference_renders() {
        chromium.resize(390, 844);
        try {
            WebElement analysis = row("analysis");
            assertThat(analysis.getRect().getWidth()).isLessThanOrEqualTo(390);
            chromium.screenshot("phone");
        } finally {
            chromium.resize(1280, 900);
        }
        chromium.driver.get("http://127.0.0.1:" + server.client.port() + "/console/api-reference.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("api-reference"), "/v1/{project_id}/demanager/catalog"));
        chromium.screenshot("api-reference");
        chromium.driver.navigate().back();
        row("analysis");
    }

    private static WebElement byId(String id) {
        return chromium.driver.findElement(By.id(id));
    }

    private static void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    private static void submit(String formId) {
        byId(formId).findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static WebElement row(String name) {
        return wait.until(driver -> driver.findElements(By.cssSelector("#instances tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getText().split("\n")[0].equals(name))
                .findFirst().orElse(null));
    }

    private static List<String> names() {
        return chromium.driver.findElements(By.cssSelector("#instances tbody th"))
                .stream().map(th -> th.getText().split("\n")[0]).toList();
    }

    private static void waitForStatus(String name, String status) {
        wait.until(driver -> row(name).findElement(By.className("badge")).getText().equals(status));
    }

    private static String countdown(String name) {
        List<WebElement> countdowns = row(name).findElements(By.className("countdown"));
        return countdowns.isEmpty() ? "" : countdowns.get(0).getText();
    }

    /** Clicks an action of the instance's row, and waits for its dialog where it has one. */
    private static void action(String name, String action) {
        wait.until(driver -> {
            row(name).findElement(By.cssSelector("button[data-action=" + action + "]")).click();
            return true;
        });
        if (!action.equals("stop")) {
            wait.until(driver -> driver.findElements(By.cssSelector("dialog[open]")).size() == 1);
        }
    }
}
