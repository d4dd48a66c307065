package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.testkit.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an inactive free instance will be deleted, as its document shows it ({@code retention_info}): a server of its
 * own, so that the free flavor's one place is this class's.
 */
class RetentionHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    private static final Duration STORE_TIME = SampleCatalog.FREE_CPU.retention().get();

    @Test
    void aStoppedFreeInstanceShowsWhenItStoppedWhenItWillBeDeletedAndTheSecondsLeftInItsDetailAndInTheList() {
        String project = ApiServer.newProject();
        String id = ranAndStopped(project, Bodies.FREE_FLAVOR);
        Instant stoppedAt = server.clock.instant();
        server.clock.advance(Duration.ofHours(1).plusMillis(500));

        JsonNode detail = server.client.get(instancePath(project, id)).json();
        JsonNode listed = server.client.get(instancesPath(project) + "?de_type=Notebook").json().path("instances").path(0);

        JsonNode retention = detail.path("retention_info");
        assertThat(retention.path("begin_timestamp").isIntegralNumber()).isTrue();
        assertThat(retention.path("begin_timestamp").asLong()).isEqualTo(stoppedAt.toEpochMilli());
        assertThat(retention.path("delete_timestamp").isIntegralNumber()).isTrue();
        assertThat(retention.path("delete_timestamp").asLong()).isEqualTo(stoppedAt.plus(STORE_TIME).toEpochMilli());
        assertThat(retention.path("remain_time").asLong()).isEqualTo(STORE_TIME.minusHours(1).toSeconds());
        assertThat(listed.path("retention_info")).isEqualTo(retention);
    }

    @Test
    void aRunningFreeInstanceAndAStoppedPaidOneShowNoRetention() {
        String project = ApiServer.newProject();
        String paid = ranAndStopped(project, Bodies.CPU_FLAVOR);
        String free = server.create(project, Bodies.create("free-running", Bodies.FREE_FLAVOR, Bodies.CPU_PROFILE));
        server.report(project, free, new RuntimeEvent.Created(ACCESS));

        assertThat(server.client.get(instancePath(project, paid)).json().path("status").asText()).isEqualTo("STOPPED");
        assertThat(server.client.get(instancePath(project, paid)).json().has("retention_info")).isFalse();
        assertThat(server.client.get(instancePath(project, free)).json().path("status").asText()).isEqualTo("RUNNING");
        assertThat(server.client.get(instancePath(project, free)).json().has("retention_info")).isFalse();
        server.stop(project, free);
    }

    /**
     * An instance of {@code flavor} created, run and stopped by its user, at the clock's present. A free one takes the
     * flavor's one place, which each test gives back.
     */
    private static String ranAndStopped(String project, String flavor) {
        String id = server.create(project, Bodies.create("stopped-" + flavor.replace('.', '-'), flavor, Bodies.CPU_PROFILE));
        server.report(project, id, new RuntimeEvent.Created(ACCESS));
        server.stop(project, id);
        return id;
    }
}
