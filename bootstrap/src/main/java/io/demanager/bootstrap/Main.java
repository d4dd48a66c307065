package io.demanager.bootstrap;

import io.demanager.bootstrap.config.Configuration;
import io.demanager.bootstrap.config.Variable;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code java -jar demanager-server.jar}: reads the configuration from the environment, starts the server, and stops
 * it when the process is asked to (SIGTERM, Ctrl-C). {@code --help} lists the variables. A configuration that cannot
 * be used stops the process at once with exit code 2 and every problem, each naming its variable; a server that
 * cannot start exits with code 1. {@code --version} prints the version. {@code Main} logs nothing before the configuration is read, because the
 * configuration chooses the log format.
 */
public final class Main {

    static final int CONFIGURATION_PROBLEM = 2;
    static final int CANNOT_START = 1;

    /** Logback's own property: which configuration it reads, when something first logs. */
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private Main() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            printHelp(System.out);
            return;
        }
        if (List.of(args).contains("--version")) {
            System.out.println("demanager " + ServerVersion.current());
            return;
        }
        if (args.length > 0) {
            System.err.println("demanager: unknown argument " + args[0] + "; the server is configured by environment variables"
                    + " (--help lists them, --version prints the version)");
            System.exit(CONFIGURATION_PROBLEM);
        }
        var configuration = Configuration.from(System.getenv());
        if (configuration.isLeft()) {
            System.err.println("demanager: the configuration cannot be used:");
            configuration.getLeft().forEach(problem -> System.err.println("  " + problem));
            System.exit(CONFIGURATION_PROBLEM);
        }
        chooseLogFormat(configuration.get().logFormat());
        try {
            Server server = Server.start(configuration.get());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "demanager-shutdown"));
        } catch (StartFailure failure) {
            System.err.println("demanager: cannot start: " + failure.getMessage());
            System.exit(CANNOT_START);
        } catch (RuntimeException fault) {
            // Not a setting to fix: a bug, or a database in a state the migrations do not expect. The log has it all.
            LoggerFactory.getLogger(Main.class).error("demanager cannot start", fault);
            System.exit(CANNOT_START);
        }
    }

    /** {@code logback.xml} writes text; JSON has its own file. An operator's own logback configuration wins. */
    private static void chooseLogFormat(Configuration.LogFormat format) {
        if (format == Configuration.LogFormat.JSON && System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-json.xml");
        }
    }

    static void printHelp(PrintStream out) {
        out.println("demanager: notebook instances over the ModelArts DevEnviron API.");
        out.println();
        out.println("Usage: java -jar demanager-server.jar [--help | --version]");
        out.println();
        out.println("Configured by environment variables, all optional:");
        for (Variable variable : Variable.values()) {
            out.println();
            out.println("  " + variable.name());
            out.println("      " + variable.meaning());
            out.println("      Unset: " + variable.whenUnset() + ".");
        }
        out.println();
        out.println("Stop the server with SIGTERM (or Ctrl-C): it answers the requests in flight first.");
    }
}
