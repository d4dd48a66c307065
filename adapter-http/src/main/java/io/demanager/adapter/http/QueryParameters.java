package io.demanager.adapter.http;

import io.demanager.adapter.http.json.RequestError;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The query string of a request. The parameters a route takes are read strictly: each at most once (6336 naming it
 * otherwise). Those it does not take are ignored, as clients in the wild send some (the SDK's {@code de_type} on
 * every read, its {@code ai_project_id}). The whole string must be valid percent-encoding (6400 otherwise).
 */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static Either<RequestError, QueryParameters> parse(String rawQuery, String... accepted) {
        Set<String> names = HashSet.of(accepted);
        List<String> pairs = rawQuery == null ? List.empty() : List.of(rawQuery.split("&")).filter(pair -> !pair.isEmpty());
        return pairs.foldLeft(Either.<RequestError, Map<String, String>>right(LinkedHashMap.empty()),
                        (read, pair) -> read.flatMap(soFar -> parameter(pair).flatMap(parameter ->
                                !names.contains(parameter._1) ? Either.right(soFar)
                                        : soFar.containsKey(parameter._1) ? Either.left(new RequestError.IncorrectValue(parameter._1))
                                        : Either.right(soFar.put(parameter)))))
                .map(QueryParameters::new);
    }

    Option<String> get(String name) {
        return values.get(name);
    }

    /** {@code name=value}, {@code name=} or {@code name}, both parts percent-decoded. */
    private static Either<RequestError, Tuple2<String, String>> parameter(String pair) {
        int equals = pair.indexOf('=');
        return equals < 0
                ? decode(pair).map(name -> Tuple.of(name, ""))
                : decode(pair.substring(0, equals)).flatMap(name -> decode(pair.substring(equals + 1)).map(value -> Tuple.of(name, value)));
    }

    private static Either<RequestError, String> decode(String encoded) {
        return Try.of(() -> URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                .toEither()
                .mapLeft(invalid -> new RequestError.InvalidPayload("The query string is not valid percent-encoding."));
    }
}
