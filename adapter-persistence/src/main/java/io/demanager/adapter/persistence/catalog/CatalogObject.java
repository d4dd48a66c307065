package io.demanager.adapter.persistence.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One JSON object of a catalog document, read field by field. Each reading checks the field's type and
 * throws a {@link CatalogProblem} that names the field's path, such as {@code flavors[2].type}.
 */
final class CatalogObject {

    private final JsonNode node;
    private final String path;

    CatalogObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new CatalogProblem(path, "must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Refuse any field but {@code known}, so that a misspelt field is not silently ignored. */
    void allowOnly(String... known) {
        List<String> allowed = List.of(known);
        List.ofAll(node.properties()).map(java.util.Map.Entry::getKey).find(field -> !allowed.contains(field)).peek(unknown -> {
            throw new CatalogProblem(pathOf(unknown), "is not a known field (known: " + allowed.mkString(", ") + ")");
        });
    }

    String text(String field) {
        return optionalText(field).getOrElseThrow(() -> new CatalogProblem(pathOf(field), "is required"));
    }

    Option<String> optionalText(String field) {
        return present(field).map(value -> {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new CatalogProblem(pathOf(field), "must be a non-empty string");
            }
            return value.asText();
        });
    }

    Option<Long> optionalInteger(String field) {
        return present(field).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new CatalogProblem(pathOf(field), "must be an integer");
            }
            return value.asLong();
        });
    }

    /** A string that must be the wire name of one of {@code values}; absent means {@code fallback}, if there is one. */
    <E extends Enum<E>> E choice(String field, E[] values, Function<E, String> wireName, Option<E> fallback) {
        return optionalText(field)
                .map(text -> oneOf(pathOf(field), text, values, wireName))
                .orElse(fallback)
                .getOrElseThrow(() -> new CatalogProblem(pathOf(field), "is required"));
    }

    /** An array of such names; absent means {@code fallback}, if there is one; never empty. */
    <E extends Enum<E>> List<E> choices(String field, E[] values, Function<E, String> wireName, Option<List<E>> fallback) {
        List<E> chosen = present(field)
                .map(array -> elements(field, array).zipWithIndex().map(element -> {
                    String elementPath = pathOf(field) + "[" + element._2 + "]";
                    if (!element._1.isTextual()) {
                        throw new CatalogProblem(elementPath, "must be a string");
                    }
                    return oneOf(elementPath, element._1.asText(), values, wireName);
                }))
                .orElse(fallback)
                .getOrElseThrow(() -> new CatalogProblem(pathOf(field), "is required"));
        if (chosen.isEmpty()) {
            throw new CatalogProblem(pathOf(field), "must not be empty");
        }
        return chosen.distinct();
    }

    CatalogObject object(String field) {
        return present(field)
                .map(value -> new CatalogObject(value, pathOf(field)))
                .getOrElseThrow(() -> new CatalogProblem(pathOf(field), "is required"));
    }

    /** A required array of objects. */
    List<CatalogObject> objects(String field) {
        JsonNode array = present(field).getOrElseThrow(() -> new CatalogProblem(pathOf(field), "is required"));
        return elements(field, array).zipWithIndex()
                .map(element -> new CatalogObject(element._1, pathOf(field) + "[" + element._2 + "]"));
    }

    /** An object whose values are all strings; absent means empty. */
    Map<String, String> texts(String field) {
        return entries(field, (entryPath, value) -> {
            if (!value.isTextual()) {
                throw new CatalogProblem(entryPath, "must be a string");
            }
            return value.asText();
        });
    }

    /** An object whose values are strings or numbers; absent means empty. */
    Map<String, Object> scalars(String field) {
        return entries(field, (entryPath, value) -> {
            if (value.isTextual()) {
                return value.asText();
            }
            if (value.isNumber()) {
                return value.numberValue();
            }
            throw new CatalogProblem(entryPath, "must be a string or a number");
        });
    }

    private Option<JsonNode> present(String field) {
        return Option.of(node.get(field)).filter(value -> !value.isNull());
    }

    private List<JsonNode> elements(String field, JsonNode array) {
        if (!array.isArray()) {
            throw new CatalogProblem(pathOf(field), "must be an array");
        }
        return List.ofAll(array);
    }

    private <V> Map<String, V> entries(String field, BiFunction<String, JsonNode, V> read) {
        return present(field)
                .map(value -> new CatalogObject(value, pathOf(field)))
                .map(object -> List.ofAll(object.node.properties()).foldLeft(LinkedHashMap.<String, V>empty(),
                        (map, entry) -> map.put(entry.getKey(), read.apply(object.pathOf(entry.getKey()), entry.getValue()))))
                .map(map -> (Map<String, V>) map)
                .getOrElse(LinkedHashMap.empty());
    }

    private static <E extends Enum<E>> E oneOf(String path, String text, E[] values, Function<E, String> wireName) {
        List<E> all = List.of(values);
        return all.find(value -> wireName.apply(value).equals(text)).getOrElseThrow(() -> new CatalogProblem(path,
                "'" + text + "' is not one of " + all.map(wireName).mkString(", ")));
    }
}
