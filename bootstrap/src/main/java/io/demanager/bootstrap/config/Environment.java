package io.demanager.bootstrap.config;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The server's environment variables, read one by one. Each value that cannot be used is noted with the variable's
 * name, so that every problem is reported at once; a blank value is the same as none.
 */
final class Environment {

    private final Map<String, String> variables;
    private final List<String> problems = new ArrayList<>();

    Environment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** The value as written, if it is set and not blank. */
    Option<String> raw(Variable variable) {
        return Option.of(variables.get(variable.name())).filter(value -> !value.isBlank());
    }

    /**
     * The value read by {@code parse}, or {@code whenUnset}. A value {@code parse} refuses is noted as a problem, and
     * answered as {@code whenUnset}: no configuration is made while there is a problem.
     */
    <T> T read(Variable variable, T whenUnset, Function<String, Either<String, T>> parse) {
        return readOptional(variable, parse).getOrElse(whenUnset);
    }

    /** As {@link #read}, with none when unset (or refused). */
    <T> Option<T> readOptional(Variable variable, Function<String, Either<String, T>> parse) {
        return raw(variable).flatMap(value -> parse.apply(value.strip())
                .peekLeft(reason -> refuse(variable, reason))
                .toOption());
    }

    void refuse(Variable variable, String reason) {
        problems.add(variable.name() + ": " + reason);
    }

    /** Variables that look like the server's but are none of them: most likely a misspelt name. */
    void refuseUnknownNames() {
        variables.keySet().stream()
                .filter(name -> name.startsWith("DEMANAGER_") && !name.startsWith("DEMANAGER_TEST_"))
                .filter(name -> Arrays.stream(Variable.values()).noneMatch(known -> known.name().equals(name)))
                .sorted()
                .forEach(name -> problems.add(name + ": not a setting of demanager (java -jar demanager-server.jar --help lists them)"));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
