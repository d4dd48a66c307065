package io.demanager.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, from the POM: what {@code --version}, the start log and the health body say. */
public final class ServerVersion {

    private static final String RESOURCE = "version.properties";
    private static final String VERSION = read();

    private ServerVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ServerVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " was not filled in by the build: '" + version + "'");
            }
            return version;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
