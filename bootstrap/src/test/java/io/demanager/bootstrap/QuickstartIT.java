package io.demanager.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.demanager.bootstrap.Eventually.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's quickstart, run as written with bash and curl against the packaged server on a fresh data
 * directory (only the port differs: the test takes a free one instead of 8080), twice in a row, as a new user may.
 */
class QuickstartIT {

    @TempDir
    Path work;

    @Test
    void theQuickstartsCurlLinesWorkAsWrittenTwiceInARow() throws Exception {
        assumeTrue(installed("bash") && installed("curl"), "the quickstart needs bash and curl");
        String quickstart = firstShellBlock(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8));
        int port = FreePorts.any();
        Path script = Files.writeString(work.resolve("quickstart.sh"),
                "set -e\n" + quickstart.replace("http://localhost:8080/", "http://localhost:" + port + "/"));

        try (ServerProcess server = ServerProcess.start(work, Map.of("DEMANAGER_PORT", String.valueOf(port),
                "DEMANAGER_DATA_DIR", work.resolve("data").toString()))) {
            Client client = new Client(port, null);
            waitUntil("the server is ready", () -> isReady(client));

            String first = run(script, "first");
            String second = run(script, "second");

            for (String printed : List.of(first, second)) {
                assertThat(printed).containsPattern("(?m)^DE-[0-9a-f-]{36}$")
                        .contains("\"status\":\"RUNNING\"")
                        .contains("\"description\":\"machine learning python2.7 notebook\"")
                        .contains("{\"current_status\":\"STOPPING\",\"previous_state\":\"RUNNING\"}")
                        .contains("\"from_status\":\"STOPPING\",\"to_status\":\"STOPPED\"");
                assertThat(printed.lines()).as("each answer on its own line").hasSize(6)
                        .allMatch(line -> line.matches("DE-[0-9a-f-]{36}") || line.startsWith("{") && line.endsWith("}"));
            }
            assertThat(first).contains("\"total_count\":1,\"instances\":[");
            assertThat(second).as("the second run made an instance of its own").contains("\"total_count\":2,\"instances\":[");
            assertThat(first.lines().findFirst()).isNotEqualTo(second.lines().findFirst());
        }
    }

    private static String firstShellBlock(String readme) {
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the README has a quickstart").isTrue();
        return block.group(1);
    }

    private String run(Path script, String name) throws IOException, InterruptedException {
        Path output = work.resolve("quickstart-" + name + ".out");
        Process bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(bash.waitFor(2, TimeUnit.MINUTES)).as("the quickstart ends").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(printed).isZero();
        return printed;
    }

    private static boolean isReady(Client client) {
        try {
            return client.get("/health/ready").status() == 200;
        } catch (RuntimeException notListeningYet) {
            return false;
        }
    }

    private static boolean installed(String command) throws InterruptedException {
        try {
            Process lookup = new ProcessBuilder("sh", "-c", "command -v " + command).start();
            return lookup.waitFor(10, TimeUnit.SECONDS) && lookup.exitValue() == 0;
        } catch (IOException noShell) {
            return false;
        }
    }
}
