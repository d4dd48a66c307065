package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.domain.instance.RuntimeEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH .../instances/{instance_id}/lease}: renewing the running lease. */
class LeaseRenewalHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static ApiClient client;

    @BeforeAll
    static void start() {
        client = server.client;
    }

    @Test
    void theRunStopsTheDurationFromNowAtOnceAndTheConfigurationStays() {
        String project = ApiServer.newProject();
        String id = leased(project, "renewed");
        server.clock.advance(Duration.ofMinutes(50));
        Instant renewedAt = server.clock.instant();

        ApiResponse renewed = client.patch(lease(project, id), "{\"duration\": 7200}");

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        JsonNode autoStop = renewed.json().path("spec").path("auto_stop");
        assertThat(autoStop.path("stop_timestamp").asLong()).isEqualTo(renewedAt.plusSeconds(7200).toEpochMilli());
        assertThat(autoStop.path("remain_time").asLong()).isEqualTo(7200);
        assertThat(autoStop.path("duration").asLong()).as("the configuration for the next start").isEqualTo(3600);
        assertThat(renewed.header("ETag")).contains("\"2\"");
        assertThat(client.get(instancePath(project, id)).json().path("spec").path("auto_stop").path("stop_timestamp").asLong())
                .isEqualTo(renewedAt.plusSeconds(7200).toEpochMilli());
        JsonNode newest = client.get(instancePath(project, id) + "/events").json().path("events").path(0);
        assertThat(newest.path("cause").asText()).isEqualTo("LEASE_RENEWED");
        assertThat(newest.path("from_status").asText()).isEqualTo("RUNNING");
        assertThat(newest.path("to_status").asText()).isEqualTo("RUNNING");
        assertThat(newest.path("timestamp").asLong()).isEqualTo(renewedAt.toEpochMilli());
    }

    @Test
    void anInstanceThatIsNotRunningIsRefusedWith6327() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("creating"));

        ApiResponse refused = client.patch(lease(project, id), "{\"duration\": 7200}");

        ErrorBodies.assertWellFormed(refused);
        assertThat(refused.json().path("error_code").asText()).isEqualTo("ModelArts.6327");
        assertThat(client.get(instancePath(project, id)).json().path("status").asText()).isEqualTo("CREATING");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"duration": 3599}           | ModelArts.6349 | 3600 to 259200
            {"duration": 259201}         | ModelArts.6349 | 3600 to 259200
            {"duration": "7200"}         | ModelArts.6332 | 'duration'
            {"duration": 7200.5}         | ModelArts.6332 | 'duration'
            {}                           | ModelArts.6335 | 'duration'
            {"duration": 7200, "x": 1}   | ModelArts.6336 | 'x'
            """)
    void aBadBodyIsRefusedNamingTheFieldAndChangesNothing(String body, String code, String named) {
        String project = ApiServer.newProject();
        String id = leased(project, "kept");
        JsonNode before = client.get(instancePath(project, id)).json();

        ApiResponse refused = client.patch(lease(project, id), body);

        ErrorBodies.assertWellFormed(refused);
        assertThat(refused.json().path("error_code").asText()).isEqualTo(code);
        assertThat(refused.json().path("error_message").asText()).contains(named);
        assertThat(client.get(instancePath(project, id)).json()).isEqualTo(before);
        assertThat(client.get(instancePath(project, id) + "/events").json().path("total_count").asInt()).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String project = ApiServer.newProject();
        String id = leased(project, "stale");

        ApiResponse refused = client.patch(lease(project, id), "{\"duration\": 7200}", "If-Match", "\"0\"");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(client.get(instancePath(project, id)).header("ETag")).contains("\"1\"");
    }

    private static String leased(String project, String name) {
        String id = server.create(project, """
                {"name": "%s", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 3600}}}
                """.formatted(name));
        server.report(project, id, new RuntimeEvent.Created(ACCESS));
        return id;
    }

    private static String lease(String project, String id) {
        return instancePath(project, id) + "/lease";
    }
}
