package io.demanager.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server jars as a release ships them: their version from the POM (manifest, {@code --version}), and
 * lean, at most {@value #MAX_MEGABYTES} MB each: demanager-server.jar with PostgreSQL for Linux on x86-64 and arm64
 * (not counting the macOS and Windows binaries a laptop build adds) and without the Kubernetes client;
 * demanager-server-kubernetes.jar with the client and without PostgreSQL.
 */
class ServerJarIT {

    private static final long MAX_MEGABYTES = 60;
    private static final String VERSION = System.getProperty("demanager.version", "unknown");

    @TempDir
    Path work;

    @Test
    void weighsAtMostSixtyMegabytesWithPostgresForLinuxOnX8664AndArm64() throws IOException {
        try (JarFile jar = new JarFile(ServerProcess.JAR.toFile())) {
            long laptopBinaries = jar.stream().filter(ServerJarIT::isLaptopPostgres).mapToLong(JarEntry::getCompressedSize).sum();
            long serverBytes = Files.size(ServerProcess.JAR) - laptopBinaries;

            assertThat(serverBytes).as("bytes of the server jar without macOS and Windows binaries")
                    .isLessThanOrEqualTo(MAX_MEGABYTES * 1024 * 1024);
            assertThat(jar.getEntry("postgres-linux-x86_64.txz")).as("PostgreSQL for Linux x86-64").isNotNull();
            assertThat(jar.getEntry("postgres-linux-arm_64.txz")).as("PostgreSQL for Linux arm64").isNotNull();
            assertThat(jar.stream().map(JarEntry::getName))
                    .noneMatch(name -> name.contains("alpine"))
                    .noneMatch(name -> name.startsWith("org/eclipse/jetty/websocket/"))
                    .as("the Kubernetes client, which only the cluster's jar carries")
                    .noneMatch(name -> name.startsWith("io/fabric8/"));
        }
    }

    @Test
    void theClustersJarWeighsAtMostSixtyMegabytesWithTheKubernetesClientAndNoPostgres() throws IOException {
        assertThat(Files.size(ServerProcess.KUBERNETES_JAR)).as("bytes of demanager-server-kubernetes.jar")
                .isLessThanOrEqualTo(MAX_MEGABYTES * 1024 * 1024);
        try (JarFile jar = new JarFile(ServerProcess.KUBERNETES_JAR.toFile())) {
            assertThat(jar.getEntry("io/fabric8/kubernetes/client/KubernetesClientBuilder.class")).isNotNull();
            assertThat(jar.stream().map(JarEntry::getName)).noneMatch(name -> name.startsWith("postgres-"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(VERSION);
        }
    }

    @Test
    void eachJarRefusesToStartWhatItDoesNotCarryAndNamesTheOtherJar() {
        try (ServerProcess server = ServerProcess.start(work, Map.of("DEMANAGER_RUNTIME", "kubernetes"))) {
            assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(server.errors()).contains("DEMANAGER_RUNTIME", "demanager-server-kubernetes.jar");
        }
        try (ServerProcess server = ServerProcess.start(ServerProcess.KUBERNETES_JAR, work, Map.of("DEMANAGER_RUNTIME", "kubernetes"))) {
            assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(server.errors()).contains("DEMANAGER_DB_URL", "no embedded PostgreSQL");
        }
    }

    @Test
    void theManifestAndVersionOptionGiveThePomsVersion() throws IOException {
        try (JarFile jar = new JarFile(ServerProcess.JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(VERSION);
        }
        try (ServerProcess version = ServerProcess.start(work, Map.of(), "--version")) {
            assertThat(version.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(version.output()).isEqualTo("demanager " + VERSION + System.lineSeparator());
        }
    }

    private static boolean isLaptopPostgres(JarEntry entry) {
        return entry.getName().startsWith("postgres-darwin") || entry.getName().startsWith("postgres-windows");
    }
}
