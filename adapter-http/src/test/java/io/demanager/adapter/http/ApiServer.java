package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.application.service.ApplicationServices;
import io.demanager.application.service.IdentifyCallerService;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.domain.instance.UserRef;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SampleCatalog;
import io.demanager.testkit.SequentialInstanceIds;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.javalin.Javalin;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real API on a free port, its services wired by {@link ApplicationServices} as the server's are, over the
 * in-memory store and the sample catalog ({@link SampleCatalog}), with a client that checks every exchange against the served OpenAPI document.
 * Tests share one server per class and keep apart by each using projects of their own ({@link #newProject}).
 * Two tokens are issued: {@link #TOKEN} names {@link #CALLER}, {@link #OTHER_TOKEN} names {@link #OTHER_USER}; both
 * allow project {@code p} and every project {@link #newProject} makes, and no other.
 */
final class ApiServer implements AutoCloseable, AfterAllCallback {

    static final UserRef CALLER = new UserRef("15dda26361214ca2a5953917d2f48ffb", "ops_dev_env");
    static final String TOKEN = "token-of-ops-dev-env";
    static final UserRef OTHER_USER = new UserRef("other-user", "another user");
    static final String OTHER_TOKEN = "token-of-another-user";
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    /** Each free flavor runs one instance at a time, so that a second one queues. */
    static final int FREE_CAPACITY = 1;

    private static final AtomicInteger PROJECTS = new AtomicInteger();
    private static final Set<ProjectId> GRANTED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Principal> ISSUED = new ConcurrentHashMap<>();

    static {
        GRANTED.add(new ProjectId("p"));
    }

    final SettableClock clock = new SettableClock(START);
    final RecordingRuntime runtime = new RecordingRuntime();
    final TestHealthAndMetrics healthAndMetrics = new TestHealthAndMetrics();
    final ApiClient client;
    private final RecordRuntimeProgressUseCase progress;
    private final InstanceUseCases useCases;
    private final Javalin app;

    private ApiServer() {
        var services = new ApplicationServices(new InMemoryInstanceStore().stores(), SampleCatalog.catalog(), runtime,
                new SequentialInstanceIds(), lateness -> { }, StatusChangePublisher.NONE,
                new ApplicationServices.Settings(AutoStopPolicy.DEFAULT, FREE_CAPACITY, LeaseRenewalPolicy.DEFAULT,
                        Duration.ofMinutes(10)),
                clock);
        progress = services.runtimeProgress();
        useCases = services.instanceUseCases();
        app = app(useCases, healthAndMetrics.healthAndMetrics());
        client = new ApiClient(app.port(), TOKEN);
    }

    /** The API over {@code useCases}, started on a free port, with the test tokens. */
    static Javalin app(InstanceUseCases useCases, HealthAndMetrics healthAndMetrics) {
        return app(useCases, healthAndMetrics, HttpLimits.DEFAULT);
    }

    /** The same, with the given limits. */
    static Javalin app(InstanceUseCases useCases, HealthAndMetrics healthAndMetrics, HttpLimits limits) {
        return HttpApi.create(useCases, new IdentifyCallerService(ApiServer::principal), healthAndMetrics, limits).start("127.0.0.1", 0);
    }

    private static Option<Principal> principal(String token) {
        return token.equals(TOKEN) ? Option.some(Principal.withEverythingIn(CALLER, HashSet.ofAll(GRANTED)))
                : token.equals(OTHER_TOKEN) ? Option.some(Principal.withEverythingIn(OTHER_USER, HashSet.ofAll(GRANTED)))
                : Option.of(ISSUED.get(token));
    }

    /** A new token that names {@code principal}. */
    static String tokenFor(Principal principal) {
        String token = "token-" + PROJECTS.incrementAndGet();
        ISSUED.put(token, principal);
        return token;
    }

    /** The running API itself. */
    Javalin app() {
        return app;
    }

    /** The use cases this server calls, for a second API over the same store. */
    InstanceUseCases useCases() {
        return useCases;
    }

    static ApiServer start() {
        return new ApiServer();
    }

    /** A project no other test uses, which the test tokens allow. */
    static String newProject() {
        String project = "project-" + PROJECTS.incrementAndGet();
        GRANTED.add(new ProjectId(project));
        return project;
    }

    /** A project the test tokens do not allow. */
    static String forbiddenProject() {
        return "forbidden-" + PROJECTS.incrementAndGet();
    }

    static String instancesPath(String project) {
        return "/v1/" + project + "/demanager/instances";
    }

    /** The names of the instances of a list's answer, in its order. */
    static List<String> instanceNames(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("instances").forEach(instance -> names.add(instance.path("name").asText()));
        return names;
    }

    static String instancePath(String project, String instanceId) {
        return instancesPath(project) + "/" + instanceId;
    }

    /** Creates an instance from {@code body} and answers its id; the creation must succeed. */
    String create(String project, String body) {
        ApiResponse created = client.post(instancesPath(project), body);
        if (created.status() != 200) {
            throw new AssertionError("creating failed: " + created.status() + " " + created.body());
        }
        return created.json().path("id").asText();
    }

    /** A paid CPU instance that the runtime has created: RUNNING. */
    String createRunning(String project, String name) {
        String id = create(project, Bodies.create(name));
        report(project, id, new RuntimeEvent.Created(ACCESS));
        return id;
    }

    /** Stops a running instance as its user would, and reports the stop done, as the runtime would. */
    void stop(String project, String instanceId) {
        assertThat(client.post(instancePath(project, instanceId) + "/action", Bodies.action("stop")).status()).isEqualTo(200);
        report(project, instanceId, new RuntimeEvent.Stopped());
    }

    /** What the runtime reports about an instance, as the runtime adapter would. */
    void report(String project, String instanceId, RuntimeEvent event) {
        progress.record(InstanceRef.of(project, instanceId).get(), event).get();
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * Registered as an extension ({@code @RegisterExtension static final ApiServer server}), it stops after the class.
     * Nested test classes inherit the extension, so only the end of the outermost class stops it.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().getEnclosingClass() == null) {
            close();
        }
    }
}
