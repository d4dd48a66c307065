package io.demanager.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The console and the API reference beside it: files of the classpath, read once, served under {@link #HOME} with a
 * Content-Security-Policy that allows nothing but the server's own scripts, styles and API (no inline script or
 * style). The console's files are this package's {@code console/}; the API reference's viewer is Swagger UI's webjar.
 */
final class ConsoleAssets {

    static final String HOME = "/console/";
    static final String FILE = HOME + "{file}";
    static final String SWAGGER_UI_FILE = HOME + "swagger-ui/{file}";

    /** The console talks to this server's API only; it has no images, frames, fonts or forms posted anywhere. */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** Swagger UI's stylesheet draws its icons as {@code data:} images; everything else is as strict as the console's. */
    static final String API_REFERENCE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final String[] CONSOLE_FILES = {"index.html", "console.css", "main.js", "api.js", "format.js",
            "autostop.js", "idlestop.js", "dialogs.js"};
    private static final String[] API_REFERENCE_FILES = {"api-reference.html", "api-reference.js"};
    private static final String[] SWAGGER_UI_FILES = {"swagger-ui-bundle.js", "swagger-ui.css"};
    private static final String SWAGGER_UI_VERSION = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private record Asset(byte[] content, String contentType, String policy) {
    }

    private final Map<String, Asset> console = new LinkedHashMap<>();
    private final Map<String, Asset> swaggerUi = new LinkedHashMap<>();

    private ConsoleAssets() {
    }

    static ConsoleAssets load() {
        var assets = new ConsoleAssets();
        for (String file : CONSOLE_FILES) {
            assets.console.put(file, asset("console/" + file, CONSOLE_POLICY));
        }
        for (String file : API_REFERENCE_FILES) {
            assets.console.put(file, asset("console/" + file, API_REFERENCE_POLICY));
        }
        String webjar = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        for (String file : SWAGGER_UI_FILES) {
            assets.swaggerUi.put(file, asset(webjar + file, API_REFERENCE_POLICY));
        }
        return assets;
    }

    /** {@code /} and {@code /console} lead to the console. */
    void toHome(Context ctx) {
        ctx.redirect(HOME, HttpStatus.FOUND);
    }

    void home(Context ctx) {
        send(ctx, console.get("index.html"));
    }

    void file(Context ctx) {
        send(ctx, console.get(ctx.pathParam("file")));
    }

    void swaggerUiFile(Context ctx) {
        send(ctx, swaggerUi.get(ctx.pathParam("file")));
    }

    private static void send(Context ctx, Asset asset) {
        if (asset == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Content-Security-Policy", asset.policy())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .contentType(asset.contentType())
                .result(asset.content());
    }

    private static Asset asset(String resource, String policy) {
        return new Asset(read(resource), contentType(resource), policy);
    }

    private static String contentType(String resource) {
        return resource.endsWith(".html") ? "text/html; charset=utf-8"
                : resource.endsWith(".css") ? "text/css; charset=utf-8"
                : "text/javascript; charset=utf-8";
    }

    private static String swaggerUiVersion() {
        var properties = new Properties();
        try (InputStream stream = ConsoleAssets.class.getResourceAsStream(SWAGGER_UI_VERSION)) {
            if (stream == null) {
                throw new IllegalStateException("Swagger UI's webjar is missing from the classpath");
            }
            properties.load(stream);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream stream = ConsoleAssets.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("the console's file " + resource + " is missing from the classpath");
            }
            return stream.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
