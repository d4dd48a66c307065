package io.demanager.adapter.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/** One log line per request, at the levels the server runs with (INFO), carrying the request's ids and no secret. */
@Isolated("it reads and sets the root logger, which every class of the JVM writes to")
class RequestLogHttpTest {

    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private ListAppender<ILoggingEvent> logged;
    private Level rootLevel;

    @BeforeEach
    void capture() {
        rootLevel = ROOT.getLevel();
        ROOT.setLevel(Level.INFO);
        logged = new ListAppender<>();
        logged.start();
        ROOT.addAppender(logged);
    }

    @AfterEach
    void release() {
        ROOT.detachAppender(logged);
        ROOT.setLevel(rootLevel);
    }

    @Test
    void each_request_logs_one_line_with_method_route_status_duration_and_its_ids() {
        String project = ApiServer.newProject();
        String id = server.create(project, Bodies.create("logged"));
        logged.list.clear();

        server.client.get(instancePath(project, id), "X-Request-Id", "req-7");

        assertThat(requestLines()).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(keyValues(line)).containsEntry("method", "GET")
                    .containsEntry("route", InstanceRoutes.INSTANCE)
                    .containsEntry("status", "200")
                    .containsKey("duration_ms");
            assertThat(line.getMDCPropertyMap()).containsEntry("request_id", "req-7")
                    .containsEntry("project_id", project)
                    .containsEntry("instance_id", id);
            assertThat(line.getFormattedMessage()).startsWith("GET " + InstanceRoutes.INSTANCE + " 200 ");
        });
    }

    @Test
    void a_line_logged_while_a_request_runs_carries_its_request_id() {
        server.client.get(instancesPath(ApiServer.newProject()) + "?de_type=Notebook", "X-Request-Id", "req-8");

        assertThat(logged.list).isNotEmpty().allSatisfy(line ->
                assertThat(line.getMDCPropertyMap()).containsEntry("request_id", "req-8"));
    }

    @Test
    void neither_the_token_nor_a_credential_appears_in_any_line() {
        String project = ApiServer.newProject();
        String body = """
                {"name": "secretive", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                 "spec": {"storage": {"type": "evs"}, "credential": {"access_key": "AKIDSECRETACCESS", "secret_key": "SK-very-secret"}}}
                """;

        server.client.post(instancesPath(project), body);
        server.client.withToken("forged-secret-token").get(instancesPath(project) + "?de_type=Notebook");
        server.client.get(instancesPath(ApiServer.forbiddenProject()) + "?de_type=Notebook");

        assertThat(logged.list).isNotEmpty().allSatisfy(line -> assertThat(everything(line))
                .doesNotContain(ApiServer.TOKEN, "forged-secret-token", "SK-very-secret", "AKIDSECRETACCESS"));
    }

    @Test
    void probes_and_scrapes_are_not_logged_at_info() {
        server.client.get("/health/ready");
        server.client.get("/metrics");

        assertThat(requestLines()).isEmpty();
    }

    private List<ILoggingEvent> requestLines() {
        return logged.list.stream().filter(line -> line.getLoggerName().equals(RequestLog.class.getName())).toList();
    }

    private static Map<String, String> keyValues(ILoggingEvent line) {
        return line.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }

    private static String everything(ILoggingEvent line) {
        List<KeyValuePair> pairs = line.getKeyValuePairs() == null ? List.of() : line.getKeyValuePairs();
        return line.getFormattedMessage() + " " + line.getMDCPropertyMap() + " " + pairs
                + (line.getThrowableProxy() == null ? "" : " " + line.getThrowableProxy().getMessage());
    }
}
