package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.application.port.in.Permission;
import io.javalin.Javalin;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/{project_id}/demanager/events}: the project's events as Server-Sent Events. */
class EventStreamHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @Test
    void theProjectsEventsArriveAsTheyHappenNumberedAndNoOtherProjectsEvents() throws Exception {
        String project = ApiServer.newProject();
        String elsewhere = ApiServer.newProject();
        try (var stream = EventStream.open(server.app(), project, ApiServer.TOKEN, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            String first = server.create(project, Bodies.create("first"));
            server.create(elsewhere, Bodies.create("elsewhere"));
            String second = server.create(project, Bodies.create("second"));

            Frame one = stream.nextFrame();
            Frame two = stream.nextFrame();

            assertThat(List.of(one, two).map(frame -> frame.data().path("instance_id").asText())).containsExactly(first, second);
            assertThat(one.data().path("project_id").asText()).isEqualTo(project);
            assertThat(one.data().path("to_status").asText()).isEqualTo("CREATING");
            assertThat(one.data().path("cause").asText()).isEqualTo("USER_REQUEST");
            assertThat(one.data().has("from_status")).as("a creation comes from no status").isFalse();
            assertThat(one.id()).isEqualTo(one.data().path("id").asLong());
            assertThat(two.id()).isGreaterThan(one.id());
        }
    }

    @Test
    void aClientThatReconnectsWithTheLastEventIdItGotResumesRightAfterIt() throws Exception {
        String project = ApiServer.newProject();
        long lastSeen;
        try (var stream = EventStream.open(server.app(), project, ApiServer.TOKEN, null)) {
            server.create(project, Bodies.create("seen"));
            lastSeen = stream.nextFrame().id();
        }
        String missed = server.create(project, Bodies.create("missed"));

        try (var resumed = EventStream.open(server.app(), project, ApiServer.TOKEN, String.valueOf(lastSeen))) {
            Frame next = resumed.nextFrame();

            assertThat(next.data().path("instance_id").asText()).isEqualTo(missed);
        }
    }

    @Test
    void aLastEventIdThatIsNoNumberOrNamesNoEventOfTheProjectIsRefusedNamingTheHeader() throws Exception {
        String project = ApiServer.newProject();
        for (String lastEventId : List.of("yesterday", "-3", "999999999")) {
            try (var refused = EventStream.open(server.app(), project, ApiServer.TOKEN, lastEventId)) {
                assertThat(refused.status()).as(lastEventId).isEqualTo(400);
                assertThat(refused.rest()).contains("Last-Event-ID");
            }
        }
    }

    @Test
    void aPrincipalRestrictedToItsOwnInstancesGetsOnlyTheirEvents() throws Exception {
        String project = ApiServer.newProject();
        String ownOnly = ApiServer.tokenFor(new Principal(ApiServer.OTHER_USER,
                HashMap.of(new io.demanager.domain.instance.ProjectId(project), new ProjectGrant(Permission.ALL, true))));
        try (var stream = EventStream.open(server.app(), project, ownOnly, null)) {
            server.create(project, Bodies.create("someone-elses"));
            String own = new ApiClient(server.app().port(), ownOnly).post(ApiServer.instancesPath(project), Bodies.create("own"))
                    .json().path("id").asText();

            assertThat(stream.nextFrame().data().path("instance_id").asText()).isEqualTo(own);
        }
    }

    @Test
    void aProjectTheCallerMayNotActInIsRefusedBeforeAnyStreamBegins() throws Exception {
        try (var refused = EventStream.open(server.app(), ApiServer.forbiddenProject(), ApiServer.TOKEN, null)) {
            assertThat(refused.status()).isEqualTo(403);
        }
    }

    @Test
    void aUserHoldsAtMostItsShareOfStreamsAndAQuietStreamIsKeptAliveByComments() throws Exception {
        Javalin api = ApiServer.app(server.useCases(), new TestHealthAndMetrics().healthAndMetrics(),
                new HttpLimits(Duration.ofSeconds(2), 0, 8, 1, 10));
        String project = ApiServer.newProject();
        try (var held = EventStream.open(api, project, ApiServer.TOKEN, null);
             var refused = EventStream.open(api, project, ApiServer.TOKEN, null);
             var another = EventStream.open(api, project, ApiServer.OTHER_TOKEN, null)) {
            assertThat(held.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotEmpty();
            assertThat(another.status()).as("another user's stream").isEqualTo(200);
            assertThat(held.nextLineStartingWith(": keep-alive")).isNotNull();
        } finally {
            api.stop();
        }
    }

    record Frame(long id, JsonNode data) {
    }

    /** One stream read by a thread of its own, line by line, so that a test waits for a line with a deadline. */
    static final class EventStream implements AutoCloseable {

        private static final String END = "\u0000end";
        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        private EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = new Thread(() -> {
                try (Stream<String> body = response.body()) {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                } finally {
                    lines.add(END);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(Javalin api, String project, String token, String lastEventId) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/" + project + "/demanager/events"))
                    .header(Authentication.TOKEN_HEADER, token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header(EventStreams.LAST_EVENT_ID, lastEventId);
            }
            return new EventStream(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return header("Content-Type");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        /** The next event: its {@code id:} line, then its {@code data:} line. */
        Frame nextFrame() throws InterruptedException {
            long id = Long.parseLong(nextLineStartingWith("id: ").substring(4));
            String data = nextLineStartingWith("data: ").substring(6);
            try {
                return new Frame(id, JSON.readTree(data));
            } catch (IOException unreadable) {
                throw new AssertionError("the data of event " + id + " is no JSON: " + data, unreadable);
            }
        }

        String nextLineStartingWith(String prefix) throws InterruptedException {
            while (true) {
                String line = lines.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(line).as("a line starting with %s", prefix).isNotNull().isNotEqualTo(END);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        /** Everything the server wrote until it ended the response. */
        String rest() throws InterruptedException {
            StringBuilder rest = new StringBuilder();
            for (String line = lines.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS); line != null && !line.equals(END);
                 line = lines.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                rest.append(line).append('\n');
            }
            return rest.toString();
        }

        @Override
        public void close() {
            reader.interrupt();
            response.body().close();
        }
    }
}
