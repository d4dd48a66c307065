package io.demanager.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One JSON object of a request, read field by field. Each accessor checks one field's JSON type, and every error
 * names the field by its path from the body's root, such as {@code spec.auto_stop.duration}: 6332 for a wrong
 * type, 6335 for a missing required field, 6336 for a field that is not accepted or a value that cannot be kept.
 * A field given as {@code null} has the wrong type; it is not the same as a field left out.
 */
public final class JsonFields {

    private final ObjectNode node;
    private final String path;

    private JsonFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonFields of(ObjectNode body) {
        return new JsonFields(body, "");
    }

    /** The path that names {@code field} of this object in errors. */
    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** This object if it has no field but {@code accepted}; otherwise 6336 naming the first other field. */
    public Either<RequestError, JsonFields> accepting(String... accepted) {
        Set<String> names = HashSet.of(accepted);
        return fieldNames()
                .find(name -> !names.contains(name))
                .<Either<RequestError, JsonFields>>map(unknown -> Either.left(new RequestError.IncorrectValue(pathOf(unknown))))
                .getOrElse(Either.right(this));
    }

    /** The field read by {@code accessor}, which must be present: 6335 naming it if it is not. */
    public <T> Either<RequestError, T> required(String field, Function<String, Either<RequestError, Option<T>>> accessor) {
        return accessor.apply(field)
                .flatMap(value -> value.toEither(() -> new RequestError.RequiredProperty(pathOf(field))));
    }

    public Either<RequestError, Option<String>> string(String field) {
        return value(field, "string", JsonNode::isTextual, JsonNode::textValue)
                .flatMap(text -> text.exists(JsonFields::cannotBeStored)
                        ? Either.left(new RequestError.IncorrectValue(pathOf(field)))
                        : Either.right(text));
    }

    public Either<RequestError, Option<Boolean>> bool(String field) {
        return value(field, "boolean", JsonNode::isBoolean, JsonNode::booleanValue);
    }

    /**
     * A whole number; {@code 3600.0} and {@code "3600"} have the wrong type. A number beyond the range of a long
     * is read as the nearest long, so that the field's own range rule refuses it with its own message.
     */
    public Either<RequestError, Option<Long>> integer(String field) {
        return value(field, "integer", JsonNode::isIntegralNumber, number -> number.canConvertToLong()
                ? number.longValue()
                : number.bigIntegerValue().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
    }

    public Either<RequestError, Option<JsonFields>> object(String field) {
        return value(field, "object", JsonNode::isObject, object -> new JsonFields((ObjectNode) object, pathOf(field)));
    }

    /** An array of objects; the errors of an element name its index, such as {@code spec.extend_storage[0].type}. */
    public Either<RequestError, Option<List<JsonFields>>> objects(String field) {
        return value(field, "array", JsonNode::isArray, List::ofAll)
                .flatMap(elements -> elements.isEmpty()
                        ? Either.right(Option.none())
                        : Either.sequenceRight(elements.get().zipWithIndex().map(element -> element._1.isObject()
                                ? Either.<RequestError, JsonFields>right(new JsonFields((ObjectNode) element._1,
                                        pathOf(field) + "[" + element._2 + "]"))
                                : Either.<RequestError, JsonFields>left(new RequestError.WrongType(
                                        pathOf(field) + "[" + element._2 + "]", "object"))))
                        .map(List::ofAll)
                        .map(Option::some));
    }

    /** An object whose values are all strings, such as {@code annotations}; empty when the field is absent. */
    public Either<RequestError, Map<String, String>> stringMap(String field) {
        return object(field).flatMap(object -> object
                .map(JsonFields::asStringMap)
                .getOrElse(Either.right(LinkedHashMap.empty())));
    }

    private Either<RequestError, Map<String, String>> asStringMap() {
        return Either.sequenceRight(fieldNames().map(key -> cannotBeStored(key)
                        ? Either.<RequestError, Tuple2<String, String>>left(new RequestError.IncorrectValue(pathOf(key)))
                        : required(key, this::string).map(value -> Tuple.of(key, value))))
                .map(LinkedHashMap::ofEntries);
    }

    private List<String> fieldNames() {
        return List.ofAll(node.properties()).map(java.util.Map.Entry::getKey);
    }

    private <T> Either<RequestError, Option<T>> value(String field, String type, Predicate<JsonNode> isOfType,
                                                     Function<JsonNode, T> read) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Either.right(Option.none());
        }
        return isOfType.test(value)
                ? Either.right(Option.some(read.apply(value)))
                : Either.left(new RequestError.WrongType(pathOf(field), type));
    }

    /** Text that no store can keep faithfully: a NUL character, or half of a surrogate pair (not a character at all). */
    private static boolean cannotBeStored(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
