package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.application.port.out.DesiredState;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.RuntimeEvent;
import io.demanager.testkit.RecordingRuntime;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/** Each operation of section 3 of docs/devenviron-api.md over HTTP: what a success answers, and what it changes. */
class InstanceOperationsHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static ApiClient client;

    @BeforeAll
    static void start() {
        client = server.client;
    }

    private static String millis(Instant instant) {
        return String.valueOf(instant.toEpochMilli());
    }

    @Nested
    class Create {

        @Test
        void answers_the_new_instance_creating_with_its_defaults_and_version_0() {
            String project = ApiServer.newProject();
            Instant now = server.clock.instant();

            ApiResponse created = client.post(instancesPath(project), Bodies.create("notebook-1"));

            assertThat(created.status()).isEqualTo(200);
            assertThat(created.header("ETag")).contains("\"0\"");
            JsonNode instance = created.json();
            assertThat(instance.path("id").asText()).matches("DE-[0-9a-f-]{36}");
            assertThat(instance.path("name").asText()).isEqualTo("notebook-1");
            assertThat(instance.path("description").asText()).isEmpty();
            assertThat(instance.path("status").asText()).isEqualTo("CREATING");
            assertThat(instance.path("creation_timestamp").isTextual()).isTrue();
            assertThat(instance.path("creation_timestamp").asText()).isEqualTo(millis(now));
            assertThat(instance.path("latest_update_timestamp").asText()).isEqualTo(millis(now));
            assertThat(instance.path("flavor").asText()).isEqualTo(Bodies.CPU_FLAVOR);
            assertThat(instance.path("flavor_details").path("promo_type").asText()).isEqualTo("NoDiscount");
            assertThat(instance.path("flavor_details").path("store_time").asInt()).isEqualTo(-1);
            assertThat(instance.path("profile").path("id").asText()).isEqualTo(Bodies.CPU_PROFILE);
            assertThat(instance.path("profile").path("flavor_type").asText()).isEqualTo("CPU");
            assertThat(instance.path("spec").path("storage").path("type").asText()).isEqualTo("evs");
            assertThat(instance.path("spec").path("storage").path("location").path("volume_size").asInt()).isEqualTo(5);
            assertThat(instance.path("spec").path("auto_stop").path("enable").asBoolean()).isFalse();
            assertThat(instance.path("spec").path("auto_stop").path("prompt").asBoolean()).isTrue();
            assertThat(instance.path("spec").path("auto_stop").has("stop_timestamp")).isFalse();
            assertThat(instance.path("workspace").path("id").asText()).isEqualTo("0");
            assertThat(instance.path("ai_project").path("id").asText()).isEqualTo("default-ai-project");
            assertThat(instance.path("user").path("id").asText()).isEqualTo(ApiServer.CALLER.id());
            assertThat(instance.path("user").path("name").asText()).isEqualTo(ApiServer.CALLER.name());
            assertThat(instance.has("pool")).isFalse();
            assertThat(instance.has("error_code")).isFalse();
            assertThat(instance.has("queuing_info")).isFalse();
            assertThat(server.runtime.calls()).contains(new RecordingRuntime.Call(DesiredState.RUNNING,
                    InstanceId.parse(instance.path("id").asText()).get(), io.demanager.domain.instance.InstanceStatus.CREATING));
        }

        @Test
        void keeps_every_optional_field_and_shows_the_credential_masked() {
            String project = ApiServer.newProject();
            String body = """
                    {
                      "name": "full_notebook",
                      "description": "my notebook",
                      "profile_id": "Python3",
                      "flavor": "modelarts.vm.cpu.2u",
                      "spec": {
                        "storage": {"type": "obsfs", "location": {"path": "my-fs", "mount_path": "/home/ma-user/work/fs", "access_modes": "ReadOnlyMany"}},
                        "extend_storage": [{"type": "obsfs", "location": {"path": "other-fs"}}],
                        "auto_stop": {"enable": true, "duration": 7200, "prompt": false},
                        "annotations": {"team": "ml"},
                        "credential": {"access_key": "AKIAEXAMPLE", "secret_key": "very-secret-key"}
                      },
                      "workspace": {"id": "ws-1"},
                      "pool": {"id": "pool-1", "name": "my pool", "type": "USER_DEFINED", "owner": {"project_id": "owner-project"}},
                      "ai_project": {"id": "ai-1"}
                    }
                    """;

            ApiResponse created = client.post(instancesPath(project), body);

            assertThat(created.status()).isEqualTo(200);
            JsonNode instance = created.json();
            assertThat(instance.path("description").asText()).isEqualTo("my notebook");
            JsonNode spec = instance.path("spec");
            assertThat(spec.path("storage").path("type").asText()).isEqualTo("obsfs");
            assertThat(spec.path("storage").path("location").path("path").asText()).isEqualTo("my-fs");
            assertThat(spec.path("storage").path("location").path("mount_path").asText()).isEqualTo("/home/ma-user/work/fs");
            assertThat(spec.path("storage").path("location").path("access_modes").asText()).isEqualTo("ReadOnlyMany");
            assertThat(spec.path("extend_storage").get(0).path("location").path("path").asText()).isEqualTo("other-fs");
            assertThat(spec.path("auto_stop").path("enable").asBoolean()).isTrue();
            assertThat(spec.path("auto_stop").path("duration").asLong()).isEqualTo(7200);
            assertThat(spec.path("auto_stop").path("prompt").asBoolean()).isFalse();
            assertThat(spec.path("annotations").path("team").asText()).isEqualTo("ml");
            assertThat(spec.path("credential").path("access_key").asText()).isEqualTo("AKIA****");
            assertThat(created.body()).doesNotContain("very-secret-key").doesNotContain("AKIAEXAMPLE");
            assertThat(instance.path("workspace").path("id").asText()).isEqualTo("ws-1");
            assertThat(instance.path("ai_project").path("id").asText()).isEqualTo("ai-1");
            assertThat(instance.path("pool").path("id").asText()).isEqualTo("pool-1");
            assertThat(instance.path("pool").path("name").asText()).isEqualTo("my pool");
            assertThat(instance.path("pool").path("type").asText()).isEqualTo("USER_DEFINED");
            assertThat(instance.path("pool").path("owner").path("project_id").asText()).isEqualTo("owner-project");
        }

        /** Free capacity is counted across projects, so this test has a server of its own. */
        @Test
        void queues_on_a_full_free_flavor_and_shows_the_queuing_info() {
            try (ApiServer own = ApiServer.start()) {
                String project = ApiServer.newProject();
                own.create(project, Bodies.create("first", Bodies.FREE_FLAVOR, Bodies.CPU_PROFILE));
                Instant queuedAt = own.clock.instant();

                ApiResponse queued = own.client.post(instancesPath(project), Bodies.create("second", Bodies.FREE_FLAVOR, Bodies.CPU_PROFILE));

                assertThat(queued.status()).isEqualTo(200);
                JsonNode instance = queued.json();
                assertThat(instance.path("status").asText()).isEqualTo("CREATE_QUEUING");
                JsonNode queuingInfo = instance.path("queuing_info");
                assertThat(queuingInfo.path("id").asText()).isEqualTo(instance.path("id").asText());
                assertThat(queuingInfo.path("name").asText()).isEqualTo("second");
                assertThat(queuingInfo.path("de_type").asText()).isEqualTo("Notebook");
                assertThat(queuingInfo.path("flavor").asText()).isEqualTo(Bodies.FREE_FLAVOR);
                assertThat(queuingInfo.path("status").asText()).isEqualTo("CREATE_QUEUING");
                assertThat(queuingInfo.path("begin_timestamp").isIntegralNumber()).isTrue();
                assertThat(queuingInfo.path("begin_timestamp").asLong()).isEqualTo(queuedAt.toEpochMilli());
                // The one place is held by "first", not running yet: it frees a whole run (3600 s) from now at the latest.
                assertThat(queuingInfo.path("rank").asLong()).isEqualTo(1);
                assertThat(queuingInfo.path("remain_time").asLong()).isEqualTo(3600);
                assertThat(queuingInfo.path("end_timestamp").asLong()).isEqualTo(queuedAt.plusSeconds(3600).toEpochMilli());
                assertThat(instance.path("flavor_details").path("status").asText()).isEqualTo("soldOut");
                assertThat(instance.path("flavor_details").path("queuing_num").asLong()).isEqualTo(1);
                assertThat(instance.path("flavor_details").path("queue_left_time").asLong()).isEqualTo(7200);
                assertThat(instance.path("flavor_details").path("promo_type").asText()).isEqualTo("Free");
                assertThat(instance.path("flavor_details").path("duration").asLong()).isEqualTo(3600);
                assertThat(instance.path("flavor_details").path("store_time").asInt()).isEqualTo(72);
                assertThat(instance.path("spec").path("auto_stop").path("enable").asBoolean()).isTrue();
            }
        }
    }

    @Nested
    class Detail {

        @Test
        void answers_the_document_the_creation_answered_with_its_etag() {
            String project = ApiServer.newProject();
            ApiResponse created = client.post(instancesPath(project), Bodies.create("detailed"));
            String id = created.json().path("id").asText();

            ApiResponse detail = client.get(instancePath(project, id));

            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.json()).isEqualTo(created.json());
            assertThat(detail.header("ETag")).contains("\"0\"");
        }

        @Test
        void shows_the_lease_of_a_running_instance_as_an_integer_stop_time_and_seconds_left() {
            String project = ApiServer.newProject();
            String id = server.create(project, """
                    {"name": "leased", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                     "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 3600}}}
                    """);
            Instant runningSince = server.clock.instant();
            server.report(project, id, new RuntimeEvent.Created(ACCESS));
            server.clock.advance(Duration.ofSeconds(600).plusMillis(500));

            JsonNode autoStop = client.get(instancePath(project, id)).json().path("spec").path("auto_stop");

            assertThat(autoStop.path("stop_timestamp").isIntegralNumber()).isTrue();
            assertThat(autoStop.path("stop_timestamp").asLong()).isEqualTo(runningSince.plusSeconds(3600).toEpochMilli());
            assertThat(autoStop.path("remain_time").isIntegralNumber()).isTrue();
            assertThat(autoStop.path("remain_time").asLong()).isEqualTo(3000);
        }

        @Test
        void shows_why_the_runtime_failed_to_create() {
            String project = ApiServer.newProject();
            String id = server.create(project, Bodies.create("failing"));
            server.report(project, id, new RuntimeEvent.CreateFailed(
                    new FailedReason("ModelArts.6501", "No resources left.", HashMap.of("zone", "az-1"))));

            JsonNode instance = client.get(instancePath(project, id)).json();

            assertThat(instance.path("status").asText()).isEqualTo("CREATE_FAILED");
            assertThat(instance.path("error_code").asText()).isEqualTo("ModelArts.6501");
            JsonNode reasons = instance.path("spec").path("failed_reasons");
            assertThat(reasons.path("code").asText()).isEqualTo("ModelArts.6501");
            assertThat(reasons.path("message").asText()).isEqualTo("No resources left.");
            assertThat(reasons.path("detail").path("zone").asText()).isEqualTo("az-1");
        }

        @Test
        void is_answered_to_head_with_the_status_and_headers_but_no_body() {
            String project = ApiServer.newProject();
            String id = server.create(project, Bodies.create("headed"));

            ApiResponse head = client.send("HEAD", instancePath(project, id), null);

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("ETag")).contains("\"0\"");
            assertThat(head.body()).isEmpty();
            assertThat(client.send("HEAD", instancePath(project, "DE-00000000-0000-0000-0000-00000000beef"), null).status())
                    .isEqualTo(400);
        }
    }

    @Nested
    class Modify {

        @Test
        void changes_what_is_given_keeps_the_rest_and_answers_the_next_version() {
            String project = ApiServer.newProject();
            String id = server.create(project, """
                    {"name": "modified", "description": "before", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                     "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 3600, "prompt": false}}}
                    """);
            server.clock.advance(Duration.ofMinutes(5));

            ApiResponse modified = client.put(instancePath(project, id), "{\"description\": \"after\"}");

            assertThat(modified.status()).isEqualTo(200);
            assertThat(modified.header("ETag")).contains("\"1\"");
            JsonNode instance = modified.json();
            assertThat(instance.path("description").asText()).isEqualTo("after");
            assertThat(instance.path("latest_update_timestamp").asText()).isEqualTo(millis(server.clock.instant()));
            assertThat(instance.path("creation_timestamp").asText()).isNotEqualTo(instance.path("latest_update_timestamp").asText());
            assertThat(instance.path("spec").path("auto_stop").path("enable").asBoolean()).isTrue();
            assertThat(instance.path("spec").path("auto_stop").path("duration").asLong()).isEqualTo(3600);
            assertThat(instance.path("spec").path("auto_stop").path("prompt").asBoolean()).isFalse();
            assertThat(client.get(instancePath(project, id)).json()).isEqualTo(instance);
        }

        @Test
        void of_auto_stop_while_running_keeps_the_current_stop_time_beside_the_new_configuration() {
            String project = ApiServer.newProject();
            String id = server.create(project, """
                    {"name": "running", "profile_id": "Python3", "flavor": "modelarts.vm.cpu.2u",
                     "spec": {"storage": {"type": "evs"}, "auto_stop": {"enable": true, "duration": 3600}}}
                    """);
            server.report(project, id, new RuntimeEvent.Created(ACCESS));
            long stopTimestamp = client.get(instancePath(project, id)).json().path("spec").path("auto_stop").path("stop_timestamp").asLong();

            JsonNode autoStop = client.put(instancePath(project, id),
                            "{\"spec\": {\"auto_stop\": {\"enable\": true, \"duration\": 7200, \"prompt\": false}}}")
                    .json().path("spec").path("auto_stop");

            assertThat(autoStop.path("duration").asLong()).isEqualTo(7200);
            assertThat(autoStop.path("prompt").asBoolean()).isFalse();
            assertThat(autoStop.path("stop_timestamp").asLong()).isEqualTo(stopTimestamp);
            assertThat(autoStop.path("remain_time").asLong()).isEqualTo(3600);
        }

        /**
         * The sample request of the ModelArts modify page, sent to a RUNNING instance of that page's flavor and
         * profile, answers every field of the page's sample response, each with the type the page documents.
         */
        @Test
        void answers_the_modify_page_sample_request_with_every_field_of_its_sample_response() {
            String project = ApiServer.newProject();
            String id = server.create(project, Bodies.create("notebook-c6fd", Bodies.GPU_FLAVOR, Bodies.GPU_PROFILE));
            server.report(project, id, new RuntimeEvent.Created(ACCESS));

            ApiResponse response = client.put(instancePath(project, id), """
                    {
                      "description": "machine learning python2.7 notebook"
                    }
                    """);

            assertThat(response.status()).isEqualTo(200);
            JsonNode instance = response.json();
            assertThat(instance.path("ai_project").isObject()).isTrue();
            assertThat(instance.path("ai_project").path("id").isTextual()).isTrue();
            assertThat(instance.path("ai_project").path("id").asText()).isEqualTo("default-ai-project");
            assertThat(instance.path("creation_timestamp").isTextual()).isTrue();
            assertThat(instance.path("creation_timestamp").asText()).matches("\\d{13}");
            assertThat(instance.path("description").isTextual()).isTrue();
            assertThat(instance.path("description").asText()).isEqualTo("machine learning python2.7 notebook");
            assertThat(instance.path("flavor").isTextual()).isTrue();
            assertThat(instance.path("flavor").asText()).isEqualTo("modelarts.bm.gpu.v100NV32");
            JsonNode flavorDetails = instance.path("flavor_details");
            assertThat(flavorDetails.isObject()).isTrue();
            assertThat(flavorDetails.path("name").isTextual()).isTrue();
            assertThat(flavorDetails.path("name").asText()).isEqualTo("modelarts.bm.gpu.v100NV32");
            JsonNode params = flavorDetails.path("params");
            assertThat(params.isObject()).isTrue();
            assertThat(params.path("CPU").isIntegralNumber()).isTrue();
            assertThat(params.path("CPU").asInt()).isEqualTo(8);
            assertThat(params.path("GPU").isIntegralNumber()).isTrue();
            assertThat(params.path("GPU").asInt()).isEqualTo(1);
            assertThat(params.path("gpu_type").isTextual()).isTrue();
            assertThat(params.path("gpu_type").asText()).isEqualTo("v100NV32");
            assertThat(params.path("memory").isTextual()).isTrue();
            assertThat(params.path("memory").asText()).isEqualTo("64GiB");
            assertThat(flavorDetails.path("status").isTextual()).isTrue();
            assertThat(flavorDetails.path("status").asText()).isEqualTo("onSale");
            assertThat(flavorDetails.path("type").isTextual()).isTrue();
            assertThat(flavorDetails.path("type").asText()).isEqualTo("GPU");
            assertThat(instance.path("id").isTextual()).isTrue();
            assertThat(instance.path("id").asText()).isEqualTo(id).matches("DE-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
            assertThat(instance.path("latest_update_timestamp").isTextual()).isTrue();
            assertThat(instance.path("latest_update_timestamp").asText()).matches("\\d{13}");
            assertThat(instance.path("name").isTextual()).isTrue();
            assertThat(instance.path("name").asText()).isEqualTo("notebook-c6fd");
            JsonNode profile = instance.path("profile");
            assertThat(profile.isObject()).isTrue();
            assertThat(profile.path("de_type").isTextual()).isTrue();
            assertThat(profile.path("de_type").asText()).isEqualTo("Notebook");
            assertThat(profile.path("description").isTextual()).isTrue();
            assertThat(profile.path("description").asText()).isEqualTo("multi engine, gpu, python 3.6 for notebook");
            assertThat(profile.path("flavor_type").isTextual()).isTrue();
            assertThat(profile.path("flavor_type").asText()).isEqualTo("GPU");
            assertThat(profile.path("id").isTextual()).isTrue();
            assertThat(profile.path("id").asText()).isEqualTo("Python3-gpu");
            assertThat(profile.path("name").isTextual()).isTrue();
            assertThat(profile.path("name").asText()).isEqualTo("Python3");
            JsonNode provision = profile.path("provision");
            assertThat(provision.isObject()).isTrue();
            assertThat(provision.path("spec").isObject()).isTrue();
            assertThat(provision.path("spec").path("engine").isTextual()).isTrue();
            assertThat(provision.path("spec").path("engine").asText()).isEqualTo("CCE");
            JsonNode provisionParams = provision.path("spec").path("params");
            assertThat(provisionParams.isObject()).isTrue();
            assertThat(provisionParams.has("annotations")).isTrue();
            assertThat(provisionParams.path("annotations").isNull()).isTrue();
            assertThat(provisionParams.path("image_name").isTextual()).isTrue();
            assertThat(provisionParams.path("image_name").asText()).isEqualTo("mul-kernel-gpu-cuda-cp36");
            assertThat(provisionParams.path("image_tag").isTextual()).isTrue();
            assertThat(provisionParams.path("image_tag").asText()).isEqualTo("2.0.5-B003");
            assertThat(provisionParams.path("namespace").isTextual()).isTrue();
            assertThat(provisionParams.path("namespace").asText()).isEqualTo("atelier");
            assertThat(provision.path("type").isTextual()).isTrue();
            assertThat(provision.path("type").asText()).isEqualTo("Docker");
            assertThat(instance.path("status").isTextual()).isTrue();
            assertThat(instance.path("status").asText()).isEqualTo("RUNNING");
            JsonNode user = instance.path("user");
            assertThat(user.isObject()).isTrue();
            assertThat(user.path("id").isTextual()).isTrue();
            assertThat(user.path("id").asText()).isEqualTo("15dda26361214ca2a5953917d2f48ffb");
            assertThat(user.path("name").isTextual()).isTrue();
            assertThat(user.path("name").asText()).isEqualTo("ops_dev_env");
            JsonNode workspace = instance.path("workspace");
            assertThat(workspace.isObject()).isTrue();
            assertThat(workspace.path("id").isTextual()).isTrue();
            assertThat(workspace.path("id").asText()).isEqualTo("0");
        }
    }

    @Nested
    class Delete {

        @Test
        void answers_the_id_and_the_instance_is_gone() {
            String project = ApiServer.newProject();
            String id = server.create(project, Bodies.create("deleted"));
            server.report(project, id, new RuntimeEvent.CreateFailed(new FailedReason("X", "failed", HashMap.empty())));

            ApiResponse deleted = client.delete(instancePath(project, id));

            assertThat(deleted.status()).isEqualTo(200);
            assertThat(deleted.json().path("instance_id").asText()).isEqualTo(id);
            assertThat(deleted.json().size()).isEqualTo(1);
            assertThat(client.get(instancePath(project, id)).errorCode()).isEqualTo("ModelArts.6309");
            assertThat(server.runtime.calls()).extracting(RecordingRuntime.Call::desired).contains(DesiredState.GONE);
        }
    }

    @Nested
    class Action {

        @Test
        void answers_the_status_before_and_after_each_action() {
            String project = ApiServer.newProject();
            String id = server.createRunning(project, "acted-on");
            String action = instancePath(project, id) + "/action";

            assertStatusChange(client.post(action, Bodies.action("stop")), "STOPPING", "RUNNING");
            server.report(project, id, new RuntimeEvent.Stopped());
            assertStatusChange(client.post(action, Bodies.action("start")), "STARTING", "STOPPED");
            server.report(project, id, new RuntimeEvent.Started(ACCESS));
            assertStatusChange(client.post(action, Bodies.action("restart")), "RESTARTING", "RUNNING");
        }

        /** Free capacity is counted across projects, so this test has a server of its own. */
        @Test
        void queues_and_dequeues_a_free_instance() {
            try (ApiServer own = ApiServer.start()) {
                String project = ApiServer.newProject();
                String id = own.create(project, Bodies.create("free-one", Bodies.FREE_FLAVOR, Bodies.CPU_PROFILE));
                own.report(project, id, new RuntimeEvent.Created(ACCESS));
                String action = instancePath(project, id) + "/action";
                own.client.post(action, Bodies.action("stop"));
                own.report(project, id, new RuntimeEvent.Stopped());

                assertStatusChange(own.client.post(action, Bodies.action("queue")), "START_QUEUING", "STOPPED");
                assertStatusChange(own.client.post(action, Bodies.action("dequeue")), "STOPPED", "START_QUEUING");
            }
        }

        private static void assertStatusChange(ApiResponse response, String current, String previous) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("current_status").asText()).isEqualTo(current);
            assertThat(response.json().path("previous_state").asText()).isEqualTo(previous);
            assertThat(response.json().size()).isEqualTo(2);
        }
    }

    @Nested
    class AccessToken {

        @Test
        void answers_the_token_the_runtime_reported_for_the_running_notebook() {
            String project = ApiServer.newProject();
            String id = server.createRunning(project, "tokened");

            ApiResponse token = client.get(instancePath(project, id) + "/token");

            assertThat(token.status()).isEqualTo(200);
            assertThat(token.json().path("token").asText()).isEqualTo(ACCESS.token());
        }

        @Test
        void the_document_of_a_running_instance_says_where_its_notebook_answers_and_a_stopped_one_does_not() {
            String project = ApiServer.newProject();
            String id = server.create(project, Bodies.create("annotated"));
            server.report(project, id, new RuntimeEvent.Created(new NotebookAccess("http://127.0.0.1:41234/", "secret-token")));

            JsonNode running = client.get(instancePath(project, id)).json();
            client.post(instancePath(project, id) + "/action", "{\"action\":\"stop\"}");
            JsonNode stopping = client.get(instancePath(project, id)).json();

            assertThat(running.path("spec").path("annotations").path("url").asText()).isEqualTo("http://127.0.0.1:41234/");
            assertThat(running.path("spec").path("annotations").path("target_domain").asText()).isEqualTo("http://127.0.0.1:41234");
            assertThat(running.toString()).doesNotContain("secret-token");
            assertThat(stopping.path("status").asText()).isEqualTo("STOPPING");
            assertThat(stopping.path("spec").path("annotations").has("url")).isFalse();
        }
    }

    @Nested
    class IfMatch {

        @Test
        void with_the_current_version_or_any_lets_the_change_through() {
            String project = ApiServer.newProject();
            String id = server.create(project, Bodies.create("versioned"));

            ApiResponse first = client.put(instancePath(project, id), "{\"description\": \"one\"}", "If-Match", "\"0\"");
            ApiResponse second = client.put(instancePath(project, id), "{\"description\": \"two\"}", "If-Match", "*");

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("ETag")).contains("\"1\"");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header("ETag")).contains("\"2\"");
        }

        @Test
        void with_a_stale_version_answers_412_and_changes_nothing() {
            String project = ApiServer.newProject();
            String id = server.createRunning(project, "stale");
            String path = instancePath(project, id);
            JsonNode before = client.get(path).json();

            ApiResponse modify = client.put(path, "{\"description\": \"lost\"}", "If-Match", "\"0\"");
            ApiResponse action = client.post(path + "/action", Bodies.action("stop"), "If-Match", "\"0\"");
            ApiResponse delete = client.delete(path, "If-Match", "\"7\"");

            for (ApiResponse refused : new ApiResponse[] {modify, action, delete}) {
                assertThat(refused.status()).isEqualTo(412);
                assertThat(refused.errorCode()).isEqualTo("ModelArts.6357");
            }
            assertThat(client.get(path).json()).isEqualTo(before);
        }

        @Test
        void that_is_not_an_entity_tag_of_this_api_is_refused_naming_the_header() {
            String project = ApiServer.newProject();
            String id = server.create(project, Bodies.create("tagged"));

            ApiResponse refused = client.put(instancePath(project, id), "{\"description\": \"x\"}", "If-Match", "W/\"0\"");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("ModelArts.6336");
            assertThat(refused.errorMessage()).isEqualTo("'If-Match' property value is incorrect.");
        }
    }
}
