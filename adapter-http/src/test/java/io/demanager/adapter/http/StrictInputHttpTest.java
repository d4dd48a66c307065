package io.demanager.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict input: every body that is not exactly what an operation takes is refused with an error that names the
 * field, never a 500, and nothing changes. The refused modify bodies are sent to one instance, which must be
 * the same afterwards.
 */
class StrictInputHttpTest {

    private static final String CREATE_FIELDS = "\"name\": \"nb\", \"profile_id\": \"Python3\", \"flavor\": \"modelarts.vm.cpu.2u\"";
    private static final String STORAGE = "\"storage\": {\"type\": \"evs\"}";

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    private String project;
    private String instance;
    private JsonNode before;

    @BeforeEach
    void one_running_instance() {
        project = ApiServer.newProject();
        instance = instancePath(project, server.createRunning(project, "target"));
        before = server.client.get(instance).json();
    }

    @AfterEach
    void nothing_changed() {
        assertThat(server.client.get(instance).json()).isEqualTo(before);
        assertThat(server.client.get(instancesPath(project) + "?de_type=Notebook").json().path("total_count").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\": 1, \"profile_id\": \"Python3\", \"flavor\": \"f\", \"spec\": {" + STORAGE + "}}   | name | string",
            "{" + CREATE_FIELDS + ", \"description\": true, \"spec\": {" + STORAGE + "}}                 | description | string",
            "{\"name\": \"nb\", \"profile_id\": [], \"flavor\": \"f\", \"spec\": {" + STORAGE + "}}       | profile_id | string",
            "{\"name\": \"nb\", \"profile_id\": \"Python3\", \"flavor\": {}, \"spec\": {" + STORAGE + "}} | flavor | string",
            "{" + CREATE_FIELDS + ", \"spec\": \"evs\"}                                                   | spec | object",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": [\"evs\"]}}                                  | spec.storage | object",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": 1}}}                              | spec.storage.type | string",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"evs\", \"location\": \"/\"}}}   | spec.storage.location | object",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"obs\", \"location\": {\"path\": 1}}}}          | spec.storage.location.path | string",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"evs\", \"location\": {\"volume_size\": \"5\"}}}} | spec.storage.location.volume_size | integer",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"evs\", \"location\": {\"volume_size\": 5.0}}}}   | spec.storage.location.volume_size | integer",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"extend_storage\": {}}}                 | spec.extend_storage | array",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"extend_storage\": [null]}}             | spec.extend_storage[0] | object",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"auto_stop\": {\"enable\": \"true\"}}}  | spec.auto_stop.enable | boolean",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"auto_stop\": {\"prompt\": 0}}}         | spec.auto_stop.prompt | boolean",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"annotations\": []}}                    | spec.annotations | object",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"annotations\": {\"team\": 7}}}         | spec.annotations.team | string",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"credential\": {\"access_key\": 1, \"secret_key\": \"s\"}}} | spec.credential.access_key | string",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"workspace\": \"0\"}                   | workspace | object",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"workspace\": {\"id\": 0}}             | workspace.id | string",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"ai_project\": {\"id\": null}}         | ai_project.id | string",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"pool\": {\"id\": \"p\", \"type\": \"USER_DEFINED\", \"owner\": {\"project_id\": false}}} | pool.owner.project_id | string"})
    void create_refuses_a_wrong_type_naming_the_field_and_the_type(String body, String field, String type) {
        assertRefused(server.client.post(instancesPath(project), body), "ModelArts.6332",
                "Incorrect parameter type. The '" + field + "' parameter must be of the '" + type + "' type.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"profile_id\": \"Python3\", \"flavor\": \"f\", \"spec\": {" + STORAGE + "}}              | name",
            "{\"name\": \"nb\", \"flavor\": \"f\", \"spec\": {" + STORAGE + "}}                         | profile_id",
            "{" + CREATE_FIELDS + "}                                                                   | spec",
            "{" + CREATE_FIELDS + ", \"spec\": {}}                                                     | spec.storage",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {}}}                                      | spec.storage.type",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"obs\"}}}                     | spec.storage.location.path",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"credential\": {\"access_key\": \"AK\"}}} | spec.credential.secret_key",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"workspace\": {}}                   | workspace.id",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"pool\": {\"id\": \"p\", \"owner\": {\"project_id\": \"x\"}}} | pool.type",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"pool\": {\"id\": \"p\", \"type\": \"USER_DEFINED\"}}        | pool.owner"})
    void create_refuses_a_missing_required_field_naming_it(String body, String field) {
        assertRefused(server.client.post(instancesPath(project), body), "ModelArts.6335", "'" + field + "' is a required property.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"id\": \"DE-00000000-0000-0000-0000-000000000001\"} | id",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"status\": \"RUNNING\"}              | status",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"user\": {\"id\": \"root\"}}         | user",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"creation_timestamp\": \"0\"}        | creation_timestamp",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"repository\": {}}                   | repository",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"log_path\": \"/tmp\"}}               | spec.log_path",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"evs\", \"size\": 5}}}         | spec.storage.size",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"evs\", \"location\": {\"volume_size\": 5, \"iops\": 1}}}} | spec.storage.location.iops",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"extend_storage\": [{\"type\": \"obsfs\", \"x\": 1}]}} | spec.extend_storage[0].x",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"auto_stop\": {\"stop_timestamp\": 1}}} | spec.auto_stop.stop_timestamp",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"workspace\": {\"id\": \"0\", \"name\": \"w\"}} | workspace.name",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"pool\": {\"id\": \"p\", \"type\": \"SHARED\", \"owner\": {\"project_id\": \"x\"}}} | pool.type",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + "}, \"workspace\": {\"id\": \"\"}}        | workspace.id",
            "{" + CREATE_FIELDS + ", \"spec\": {\"storage\": {\"type\": \"nfs\"}}}                      | spec.storage.type",
            "{\"name\": \"" + "n" + "\", \"profile_id\": \"no-such-profile\", \"flavor\": \"modelarts.vm.cpu.2u\", \"spec\": {" + STORAGE + "}} | profile_id",
            "{\"name\": \"\", \"profile_id\": \"Python3\", \"flavor\": \"modelarts.vm.cpu.2u\", \"spec\": {" + STORAGE + "}} | name",
            "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"credential\": {\"access_key\": \" \", \"secret_key\": \"s\"}}} | spec.credential.access_key",
            "{" + CREATE_FIELDS + ", \"description\": \"nul \\u0000 inside\", \"spec\": {" + STORAGE + "}} | description",
            "{" + CREATE_FIELDS + ", \"description\": \"half \\ud83d pair\", \"spec\": {" + STORAGE + "}} | description"})
    void create_refuses_an_unknown_read_only_or_incorrect_field_naming_it(String body, String field) {
        assertRefused(server.client.post(instancesPath(project), body), "ModelArts.6336", "'" + field + "' property value is incorrect.");
    }

    @Test
    void create_refuses_an_annotation_key_that_cannot_be_stored() {
        String body = "{" + CREATE_FIELDS + ", \"spec\": {" + STORAGE + ", \"annotations\": {\"k\\u0000\": \"v\"}}}";

        assertRefused(server.client.post(instancesPath(project), body), "ModelArts.6336",
                "'spec.annotations.k\u0000' property value is incorrect.");
    }

    @Test
    void create_refuses_a_name_over_64_characters() {
        assertRefused(server.client.post(instancesPath(project), Bodies.create("n".repeat(65))),
                "ModelArts.6336", "'name' property value is incorrect.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"description\": null}                                     | ModelArts.6332 | Incorrect parameter type. The 'description' parameter must be of the 'string' type.",
            "{\"description\": [\"a\"]}                                  | ModelArts.6332 | Incorrect parameter type. The 'description' parameter must be of the 'string' type.",
            "{\"spec\": null}                                            | ModelArts.6332 | Incorrect parameter type. The 'spec' parameter must be of the 'object' type.",
            "{\"spec\": {\"auto_stop\": true}}                           | ModelArts.6332 | Incorrect parameter type. The 'spec.auto_stop' parameter must be of the 'object' type.",
            "{\"spec\": {\"auto_stop\": {\"duration\": 3600.0}}}         | ModelArts.6332 | Incorrect parameter type. The 'spec.auto_stop.duration' parameter must be of the 'integer' type.",
            "{\"spec\": {\"auto_stop\": {\"duration\": 3.6e3}}}          | ModelArts.6332 | Incorrect parameter type. The 'spec.auto_stop.duration' parameter must be of the 'integer' type.",
            "{\"spec\": {\"auto_stop\": {\"enable\": 1}}}                | ModelArts.6332 | Incorrect parameter type. The 'spec.auto_stop.enable' parameter must be of the 'boolean' type.",
            "{\"name\": \"renamed\"}                                     | ModelArts.6336 | 'name' property value is incorrect.",
            "{\"id\": \"DE-00000000-0000-0000-0000-000000000001\"}      | ModelArts.6336 | 'id' property value is incorrect.",
            "{\"user\": {\"id\": \"root\", \"name\": \"root\"}}         | ModelArts.6336 | 'user' property value is incorrect.",
            "{\"flavor\": \"modelarts.vm.cpu.8u\"}                       | ModelArts.6336 | 'flavor' property value is incorrect.",
            "{\"spec\": {\"storage\": {\"type\": \"evs\"}}}             | ModelArts.6336 | 'spec.storage' property value is incorrect.",
            "{\"spec\": {\"auto_stop\": {\"remain_time\": 5}}}          | ModelArts.6336 | 'spec.auto_stop.remain_time' property value is incorrect.",
            "{\"description\": \"ok\", \"Description\": \"ok\"}          | ModelArts.6336 | 'Description' property value is incorrect.",
            "{\"spec\": {\"auto_stop\": {\"enable\": false, \"duration\": 86401}}} | ModelArts.6349 | The 'duration' parameter is incorrect. The value ranges from 3600 to 86400.",
            "{\"spec\": {\"auto_stop\": {\"enable\": true, \"duration\": -3600}}}  | ModelArts.6349 | The 'duration' parameter is incorrect. The value ranges from 3600 to 86400.",
            "{\"description\": \"a/b\"}                                   | ModelArts.6334 | Invalid value for name or description. The character / is not allowed.",
            "{\"description\": \"it's\"}                                  | ModelArts.6334 | Invalid value for name or description. The character ' is not allowed.",
            "{\"description\": \"ok\", \"description\": \"again\"}         | ModelArts.6400 | The request payload is invalid. A JSON object has the same key twice (line 1, column 36).",
            "{\"description\": \"ok\"} {\"description\": \"more\"}         | ModelArts.6400 | The request payload is invalid. There is content after the JSON document.",
            "{\"description\": \"ok\"},                                   | ModelArts.6400 | The request payload is invalid. The body is not well-formed JSON (line 1, column 22).",
            "[{\"description\": \"ok\"}]                                  | ModelArts.6400 | The request payload is invalid. The body must be a JSON object.",
            "\"ok\"                                                       | ModelArts.6400 | The request payload is invalid. The body must be a JSON object.",
            "null                                                         | ModelArts.6400 | The request payload is invalid. The body must be a JSON object.",
            "`   `                                                        | ModelArts.6400 | The request payload is invalid. The body is empty: a JSON object is expected.",
            "{'description': 'ok'}                                        | ModelArts.6400 | The request payload is invalid. The body is not well-formed JSON (line 1, column 2).",
            "{\"description\": \"ok\" /* comment */}                      | ModelArts.6400 | The request payload is invalid. The body is not well-formed JSON (line 1, column 22).",
            "{\"spec\": {\"auto_stop\": {\"duration\": NaN}}}             | ModelArts.6400 | The request payload is invalid. The body is not well-formed JSON (line 1, column 40).",
            "{\"spec\": {\"auto_stop\": {\"duration\": 03600}}}           | ModelArts.6400 | The request payload is invalid. The body is not well-formed JSON (line 1, column 38)."})
    void modify_refuses_anything_but_its_own_fields_and_changes_nothing(String body, String code, String message) {
        assertRefused(server.client.put(instance, body), code, message);
    }

    @Test
    void modify_refuses_an_empty_body() {
        assertRefused(server.client.put(instance, ""), "ModelArts.6400",
                "The request payload is invalid. The body is empty: a JSON object is expected.");
    }

    @Test
    void action_refuses_a_body_without_its_one_field() {
        assertRefused(server.client.post(instance + "/action", "{}"), "ModelArts.6335", "'action' is a required property.");
        assertRefused(server.client.post(instance + "/action", "{\"action\": \"stop\", \"force\": true}"),
                "ModelArts.6336", "'force' property value is incorrect.");
        assertRefused(server.client.post(instance + "/action", "{\"action\": [\"stop\"]}"),
                "ModelArts.6332", "Incorrect parameter type. The 'action' parameter must be of the 'string' type.");
        assertRefused(server.client.post(instance + "/action", "{\"action\": \"STOP\"}"),
                "ModelArts.6336", "'action' property value is incorrect.");
    }

    @Test
    void nesting_is_read_to_32_levels_and_refused_beyond() {
        String deepest = "{\"x\": " + "[".repeat(31) + "1" + "]".repeat(31) + "}";
        String tooDeep = "{\"x\": " + "[".repeat(32) + "1" + "]".repeat(32) + "}";

        assertRefused(server.client.put(instance, deepest), "ModelArts.6336", "'x' property value is incorrect.");
        assertRefused(server.client.put(instance, tooDeep), "ModelArts.6400",
                "The request payload is invalid. The JSON document is nested deeper than 32 levels.");
    }

    @Test
    void a_body_up_to_64_kib_is_read_and_a_larger_one_is_refused_with_413() {
        String prefix = "{\"description\": \"";
        String suffix = "\"}";
        String padding = "d".repeat(64 * 1024 - prefix.length() - suffix.length());

        assertRefused(server.client.put(instance, prefix + padding + suffix), "ModelArts.6336",
                "'description' property value is incorrect.");
        ApiResponse tooLarge = server.client.put(instance, prefix + padding + "d" + suffix);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("ModelArts.6400");
    }

    @Test
    void a_body_sent_in_chunks_is_bounded_too() {
        RawHttp.Response response = RawHttp.send(server.client.port(), "PUT " + instance + " HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Auth-Token: " + ApiServer.TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "10000\r\n" + "d".repeat(0x10000) + "\r\n" + "1\r\nd\r\n0\r\n\r\n");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("\"error_code\":\"ModelArts.6400\"");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @CsvSource(quoteCharacter = '`', value = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp", "``"})
    void a_body_must_be_sent_as_json(String contentType) {
        ApiResponse response = contentType.isEmpty()
                ? server.client.send("PUT", instance, "{\"description\": \"x\"}")
                : server.client.put(instance, "{\"description\": \"x\"}", "Content-Type", contentType);

        assertRefused(response, "ModelArts.6400", "The request payload is invalid. The Content-Type must be application/json.");
    }

    @Test
    void json_with_a_charset_parameter_is_json() {
        ApiResponse response = server.client.put(instance, "{}", "Content-Type", "Application/JSON; charset=UTF-8");

        assertThat(response.status()).isEqualTo(200);
        before = response.json();
    }

    @Test
    void reading_getting_and_deleting_take_no_body() {
        String body = "{\"description\": \"x\"}";

        assertRefused(server.client.send("GET", instance, body), "ModelArts.6400",
                "The request payload is invalid. This operation takes no request body.");
        assertRefused(server.client.send("DELETE", instance, body), "ModelArts.6400",
                "The request payload is invalid. This operation takes no request body.");
        assertRefused(server.client.send("GET", instancesPath(project) + "?de_type=Notebook", body), "ModelArts.6400",
                "The request payload is invalid. This operation takes no request body.");
    }

    @Test
    void a_query_parameter_a_route_does_not_take_changes_nothing_and_is_not_read_as_a_field() {
        ApiResponse modified = server.client.put(instance + "?description=from-the-query", "{}");

        assertThat(modified.status()).as(modified.body()).isEqualTo(200);
        assertThat(modified.json().path("description").asText()).isEmpty();
        assertThat(server.client.get(instance + "?verbose=true").status()).isEqualTo(200);
    }

    private static void assertRefused(ApiResponse response, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.errorMessage()).isEqualTo(message);
        ErrorBodies.assertWellFormed(response);
    }
}
