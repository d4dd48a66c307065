package io.demanager.adapter.http;

import io.demanager.domain.instance.RuntimeEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.function.Function;
import java.util.stream.Stream;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error code of section 6 of docs/devenviron-api.md that a request can cause, reached over HTTP, with its status and message. */
class ErrorCodesHttpTest {

    private static final String UNKNOWN_ID = "DE-00000000-0000-0000-0000-0000000000ff";

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    /** A request made in a project of its own, after whatever set-up it needs. */
    record Case(String name, Function<String, ApiResponse> request, int status, String code, String message) {

        @Override
        public String toString() {
            return code + " " + name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a second instance of the same name", project -> {
                    server.create(project, Bodies.create("twin"));
                    return server.client.post(instancesPath(project), Bodies.create("twin"));
                }, 400, "ModelArts.6301", "The instance already exists."),
                new Case("sorting by a field that is not sortable", project ->
                        server.client.get(instancesPath(project) + "?de_type=Notebook&sortby=status"),
                        400, "ModelArts.6303", "The field does not support sorting."),
                new Case("deleting a running instance", project ->
                        server.client.delete(instancePath(project, server.createRunning(project, "running"))),
                        400, "ModelArts.6304", "Please stop the instance before deleting."),
                new Case("starting a running instance", project ->
                        action(project, server.createRunning(project, "running"), "start"),
                        400, "ModelArts.6305", "The instance is already running."),
                new Case("stopping an instance being created", project ->
                        action(project, server.create(project, Bodies.create("creating")), "stop"),
                        400, "ModelArts.6306", "The instance is starting."),
                new Case("stopping a stopped instance", project ->
                        action(project, stopped(project), "stop"),
                        400, "ModelArts.6307", "The instance has already been stopped."),
                new Case("starting a stopping instance", project -> {
                    String id = server.createRunning(project, "stopping");
                    action(project, id, "stop");
                    return action(project, id, "start");
                }, 400, "ModelArts.6308", "The instance is stopping."),
                new Case("reading an instance that does not exist", project ->
                        server.client.get(instancePath(project, UNKNOWN_ID)),
                        400, "ModelArts.6309", "The instance does not exist."),
                new Case("reading an instance of another project", project ->
                        server.client.get(instancePath(project, server.create(ApiServer.newProject(), Bodies.create("elsewhere")))),
                        400, "ModelArts.6309", "The instance does not exist."),
                new Case("an instance id that cannot exist", project ->
                        server.client.put(instancePath(project, "DE-not-a-uuid"), "{}"),
                        400, "ModelArts.6309", "The instance does not exist."),
                new Case("an OBS path that does not end with /", project -> create(project, """
                        "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "obs", "location": {"path": "obs://bucket/folder"}}}
                        """), 400, "ModelArts.6318", "The param 'path' needs to end with /."),
                new Case("a flavor the catalog does not offer", project ->
                        server.client.post(instancesPath(project), Bodies.create("nb", "modelarts.vm.cpu.64u", Bodies.CPU_PROFILE)),
                        400, "ModelArts.6323", "The flavor is not supported."),
                new Case("the token of an instance that is not running", project ->
                        server.client.get(instancePath(project, server.create(project, Bodies.create("creating"))) + "/token"),
                        400, "ModelArts.6327", "The instance is not in running. Please refresh the page and start it."),
                new Case("a sold-out flavor", project ->
                        server.client.post(instancesPath(project), Bodies.create("nb", Bodies.SOLD_OUT_FLAVOR, Bodies.CPU_PROFILE)),
                        400, "ModelArts.6329", "The flavor is sold out."),
                new Case("a GPU profile on a CPU flavor", project ->
                        server.client.post(instancesPath(project), Bodies.create("nb", Bodies.CPU_FLAVOR, Bodies.GPU_PROFILE)),
                        400, "ModelArts.6330", "The profile does not match the flavor type."),
                new Case("an EVS disk over 4096 GB", project -> create(project, """
                        "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "evs", "location": {"volume_size": 4097}}}
                        """), 400, "ModelArts.6331", "The EVS volume size ranges from 5 to 4096."),
                new Case("a duration given as a string", project ->
                        modify(project, "{\"spec\": {\"auto_stop\": {\"enable\": true, \"duration\": \"3600\"}}}"),
                        400, "ModelArts.6332",
                        "Incorrect parameter type. The 'spec.auto_stop.duration' parameter must be of the 'integer' type."),
                new Case("a description with a forbidden character", project ->
                        modify(project, "{\"description\": \"a <b> c\"}"),
                        400, "ModelArts.6334", "Invalid value for name or description. The character < is not allowed."),
                new Case("a name with a forbidden character", project ->
                        server.client.post(instancesPath(project), Bodies.create("my notebook")),
                        400, "ModelArts.6334", "Invalid value for name or description. The character   is not allowed."),
                new Case("a create without a flavor", project ->
                        server.client.post(instancesPath(project),
                                "{\"name\": \"nb\", \"profile_id\": \"Python3\", \"spec\": {\"storage\": {\"type\": \"evs\"}}}"),
                        400, "ModelArts.6335", "'flavor' is a required property."),
                new Case("a read-only field in a modify", project ->
                        modify(project, "{\"status\": \"RUNNING\"}"),
                        400, "ModelArts.6336", "'status' property value is incorrect."),
                new Case("a description over 512 characters", project ->
                        modify(project, "{\"description\": \"" + "d".repeat(513) + "\"}"),
                        400, "ModelArts.6336", "'description' property value is incorrect."),
                new Case("an action that does not exist", project ->
                        action(project, server.createRunning(project, "running"), "pause"),
                        400, "ModelArts.6336", "'action' property value is incorrect."),
                new Case("queueing a paid instance", project ->
                        action(project, stopped(project), "queue"),
                        400, "ModelArts.6336", "'action' property value is incorrect."),
                new Case("enabling auto stop without a duration", project ->
                        modify(project, "{\"spec\": {\"auto_stop\": {\"enable\": true}}}"),
                        400, "ModelArts.6348", "The 'duration' parameter is mandatory for enabling auto stop."),
                new Case("a duration under an hour", project ->
                        modify(project, "{\"spec\": {\"auto_stop\": {\"enable\": true, \"duration\": 3599}}}"),
                        400, "ModelArts.6349", "The 'duration' parameter is incorrect. The value ranges from 3600 to 86400."),
                new Case("a duration beyond the range of any integer", project ->
                        modify(project, "{\"spec\": {\"auto_stop\": {\"enable\": true, \"duration\": 99999999999999999999999}}}"),
                        400, "ModelArts.6349", "The 'duration' parameter is incorrect. The value ranges from 3600 to 86400."),
                new Case("restarting a stopped instance", project ->
                        action(project, stopped(project), "restart"),
                        400, "ModelArts.6357",
                        "The operation is not allowed: another operation is in progress or the instance is already in the target state."),
                new Case("an OBS path at the root of a bucket", project -> create(project, """
                        "flavor": "modelarts.vm.cpu.2u", "spec": {"storage": {"type": "obs", "location": {"path": "obs://bucket/"}}}
                        """), 400, "ModelArts.6358", "The path cannot be the root directory of a bucket."),
                new Case("a body that is not JSON", project ->
                        modify(project, "{\"description\": "),
                        400, "ModelArts.6400", "The request payload is invalid. The body is not well-formed JSON (line 1, column 17)."),
                new Case("a change of a version that is no longer current", project -> {
                    String id = server.create(project, Bodies.create("versioned"));
                    server.client.put(instancePath(project, id), "{}");
                    return server.client.put(instancePath(project, id), "{}", "If-Match", "\"0\"");
                }, 412, "ModelArts.6357", "The instance has changed since version 0: read it again before changing it."),
                new Case("a body over 64 KiB", project ->
                        modify(project, "{\"description\": \"" + "d".repeat(64 * 1024) + "\"}"),
                        413, "ModelArts.6400", "The request payload is invalid. The body is larger than 65536 bytes."),
                new Case("a request without a token", project ->
                        server.client.withoutToken().get(instancesPath(project) + "?de_type=Notebook"),
                        401, "ModelArts.6620", "Please refresh the user token."),
                new Case("a project the token does not allow", project ->
                        server.client.get(instancesPath(ApiServer.forbiddenProject()) + "?de_type=Notebook"),
                        403, "ModelArts.6621", "The token does not allow acting in this project."),
                new Case("a route that does not exist", project ->
                        server.client.get("/v2/" + project + "/demanager/instances"),
                        404, "ModelArts.0104", "Parameter error. No API matches the request path."),
                new Case("a method a route does not take", project ->
                        server.client.send("PATCH", instancePath(project, UNKNOWN_ID), "{}", "Content-Type", "application/json"),
                        405, "ModelArts.0104", "Parameter error. The request method is not allowed on this path."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_answered_with_its_status_code_and_message(Case refused) {
        ApiResponse response = refused.request().apply(ApiServer.newProject());

        assertThat(response.status()).as(response.body()).isEqualTo(refused.status());
        assertThat(response.errorCode()).isEqualTo(refused.code());
        assertThat(response.errorMessage()).isEqualTo(refused.message());
        ErrorBodies.assertWellFormed(response);
    }

    private static ApiResponse action(String project, String id, String action) {
        return server.client.post(instancePath(project, id) + "/action", Bodies.action(action));
    }

    private static ApiResponse modify(String project, String body) {
        return server.client.put(instancePath(project, server.create(project, Bodies.create("modified"))), body);
    }

    /** A create body of name "nb" and profile Python3, with the rest of its fields as given. */
    private static ApiResponse create(String project, String fields) {
        return server.client.post(instancesPath(project), "{\"name\": \"nb\", \"profile_id\": \"Python3\", " + fields + "}");
    }

    private static String stopped(String project) {
        String id = server.createRunning(project, "stopped");
        action(project, id, "stop");
        server.report(project, id, new RuntimeEvent.Stopped());
        return id;
    }
}
