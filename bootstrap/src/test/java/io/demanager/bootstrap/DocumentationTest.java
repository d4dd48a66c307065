package io.demanager.bootstrap;

import io.demanager.bootstrap.config.Variable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the README and docs/configuration.md promise stays true of the build and the server. */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern COMMAND_AFTER = Pattern.compile("%s:\\s*```\\s*\\n(.+?)\\n```");

    @Test
    void theReadmesTestCommandIsTheOneCiRuns() throws IOException {
        List<String> ciCommands = Files.readAllLines(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("./mvnw"))
                .toList();

        assertThat(ciCommands).containsExactly(readmeCommand("Run all tests"));
    }

    @Test
    void theReadmesRunCommandBuildsAndRunsTheJarTheProcessTestsRun() throws IOException {
        assertThat(readmeCommand("Run the server \\(builds it first; listens on port 8080, keeps its data in `\\./data`\\)"))
                .isEqualTo("./mvnw -q -B package -DskipTests && java -jar bootstrap/target/" + ServerProcess.JAR_NAME);
    }

    @Test
    void theConfigurationGuideDescribesEveryVariableAndNoOther() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
        Matcher rows = Pattern.compile("(?m)^\\| `(DEMANAGER_[A-Z_]+)` \\|").matcher(guide);
        List<String> described = rows.results().map(row -> row.group(1)).toList();

        assertThat(described).containsExactlyElementsOf(Arrays.stream(Variable.values()).map(Enum::name).toList());
    }

    private static String readmeCommand(String title) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher command = Pattern.compile(COMMAND_AFTER.pattern().formatted(title)).matcher(readme);
        assertThat(command.find()).as("the README has a command after '%s'", title).isTrue();
        return command.group(1).strip();
    }
}
