package io.demanager.application;

import io.demanager.application.service.CreateInstanceService;
import io.demanager.domain.instance.Instance;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program of {@code docs/embedding.md}, taken from the page, compiled against the domain, the application and
 * vavr only, and run: it must print what the page says it prints. So the guide cannot rot.
 */
class EmbeddingGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "embedding.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern OUTPUT_BLOCK = Pattern.compile("It prints:\\s*```text\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void theGuidesProgramCompilesWithTheCoreAloneAndPrintsWhatTheGuideSays() throws Exception {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Path source = Files.createDirectories(work.resolve("src")).resolve("EmbeddingExample.java");
        Files.writeString(source, only(JAVA_BLOCK.matcher(guide)));
        Path classes = Files.createDirectories(work.resolve("classes"));

        compile(source, classes);

        assertThat(run(classes)).isEqualTo(only(OUTPUT_BLOCK.matcher(guide)));
    }

    private static String only(Matcher blocks) {
        assertThat(blocks.find()).as("the block is in the guide").isTrue();
        String block = blocks.group(1);
        assertThat(blocks.find()).as("only one such block is in the guide").isFalse();
        return block;
    }

    /** Against the domain, the application and vavr: nothing else is on the class path. */
    private static void compile(Path source, Path classes) throws IOException, URISyntaxException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        String classPath = String.join(java.io.File.pathSeparator,
                locationOf(Instance.class), locationOf(CreateInstanceService.class), locationOf(Either.class));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-classpath", classPath, "-d", classes.toString(), "-Xlint:all", "-Werror"),
                    null, files.getJavaFileObjects(source)).call();
            assertThat(compiled).as("compiled: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    private static String run(Path classes) throws Exception {
        PrintStream console = System.out;
        var printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, EmbeddingGuideTest.class.getClassLoader())) {
            Method main = loader.loadClass("EmbeddingExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(console);
        }
        return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
