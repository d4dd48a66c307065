package io.demanager.adapter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's files as the server serves them: where they are, and the policy that keeps them to the server. */
class ConsoleHttpTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"|from '\\./([^']+)'");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");

    @RegisterExtension
    static final ApiServer server = ApiServer.start();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/console"})
    void the_root_and_the_bare_console_path_lead_to_the_console(String path) {
        ApiResponse response = server.client.send("GET", path, null);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).contains("/console/");
    }

    @Test
    void the_console_and_every_file_it_loads_come_from_the_server_under_a_strict_policy() {
        List<String> files = new ArrayList<>(List.of("index.html"));
        for (int i = 0; i < files.size(); i++) {
            ApiResponse response = server.client.send("GET", "/console/" + files.get(i), null);
            assertThat(response.status()).as(files.get(i)).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy")).as(files.get(i)).contains(ConsoleAssets.CONSOLE_POLICY);
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.body()).as(files.get(i)).doesNotContain("http://", "https://", "style=\"")
                    .doesNotContainPattern(INLINE_SCRIPT);
            references(response.body()).stream()
                    .filter(reference -> !reference.equals("api-reference.html") && !files.contains(reference))
                    .forEach(files::add);
        }

        assertThat(files).contains("console.css", "main.js", "api.js", "dialogs.js", "autostop.js", "idlestop.js", "format.js");
        assertThat(ConsoleAssets.CONSOLE_POLICY).doesNotContain("unsafe", "*", "data:");
        assertThat(server.client.send("GET", "/console/", null).body())
                .isEqualTo(server.client.send("GET", "/console/index.html", null).body());
    }

    @Test
    void the_api_reference_renders_the_served_document_with_swagger_ui_from_the_server() {
        ApiResponse page = server.client.send("GET", "/console/api-reference.html", null);

        assertThat(page.header("Content-Security-Policy")).contains(ConsoleAssets.API_REFERENCE_POLICY);
        assertThat(references(page.body())).containsExactly("swagger-ui/swagger-ui.css", "swagger-ui/swagger-ui-bundle.js",
                "api-reference.js", "./");
        for (String file : List.of("swagger-ui/swagger-ui.css", "swagger-ui/swagger-ui-bundle.js")) {
            ApiResponse asset = server.client.send("GET", "/console/" + file, null);
            assertThat(asset.status()).as(file).isEqualTo(200);
            assertThat(asset.header("Content-Security-Policy")).contains(ConsoleAssets.API_REFERENCE_POLICY);
        }
        assertThat(server.client.send("GET", "/console/api-reference.js", null).body()).contains("url: '/openapi.yaml'");
        assertThat(ConsoleAssets.API_REFERENCE_POLICY).doesNotContain("unsafe", "*");
    }

    private static List<String> references(String text) {
        List<String> references = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            references.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return references;
    }
}
