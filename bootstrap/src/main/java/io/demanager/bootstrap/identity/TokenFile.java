package io.demanager.bootstrap.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.demanager.application.port.out.Caller;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The tokens file: every token, the user it names and the projects that user may act in.
 * <pre>
 * {"tokens": [
 *   {"token": "a long random secret", "user": {"id": "u-42", "name": "alice"}, "projects": ["demo-project"]}
 * ]}
 * </pre>
 * The whole file is checked when it is read; the first problem found is answered, naming where it is, and never a
 * token's value.
 */
public final class TokenFile {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private TokenFile() {
    }

    public static Either<String, ConfiguredCallers> read(Path file) {
        JsonNode document;
        try {
            document = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException notJson) {
            return Either.left(file + " is not valid JSON at line " + notJson.getLocation().getLineNr() + ", column "
                    + notJson.getLocation().getColumnNr());
        } catch (IOException unreadable) {
            return Either.left(file + " cannot be read: " + unreadable.getClass().getSimpleName() + " " + unreadable.getMessage());
        }
        return callers(document).mapLeft(problem -> file + ": " + problem).map(ConfiguredCallers::of);
    }

    private static Either<String, Map<String, Caller>> callers(JsonNode document) {
        if (document == null || !document.isObject() || !onlyFields(document, "tokens") || !document.path("tokens").isArray()) {
            return Either.left("the file is an object with one field, \"tokens\", an array");
        }
        Map<String, Caller> callers = LinkedHashMap.empty();
        for (int i = 0; i < document.get("tokens").size(); i++) {
            String where = "tokens[" + i + "]";
            JsonNode entry = document.get("tokens").get(i);
            if (!entry.isObject() || !onlyFields(entry, "token", "user", "projects")) {
                return Either.left(where + " is an object with the fields token, user and projects");
            }
            Either<String, String> token = text(entry.path("token"), where + ".token");
            if (token.isLeft()) {
                return Either.left(token.getLeft());
            }
            if (callers.containsKey(token.get())) {
                return Either.left(where + ".token is the same as an earlier one");
            }
            Either<String, Caller> caller = user(entry.path("user"), where + ".user")
                    .flatMap(user -> projects(entry.path("projects"), where + ".projects").map(projects -> new Caller(user, projects)));
            if (caller.isLeft()) {
                return Either.left(caller.getLeft());
            }
            callers = callers.put(token.get(), caller.get());
        }
        return callers.isEmpty() ? Either.left("\"tokens\" names no token") : Either.right(callers);
    }

    private static Either<String, UserRef> user(JsonNode user, String where) {
        if (!user.isObject() || !onlyFields(user, "id", "name")) {
            return Either.left(where + " is an object with the fields id and name");
        }
        return text(user.path("id"), where + ".id")
                .flatMap(id -> text(user.path("name"), where + ".name").map(name -> new UserRef(id, name)));
    }

    private static Either<String, Set<ProjectId>> projects(JsonNode projects, String where) {
        if (!projects.isArray() || projects.isEmpty()) {
            return Either.left(where + " is an array of at least one project id");
        }
        Set<ProjectId> ids = HashSet.empty();
        for (int i = 0; i < projects.size(); i++) {
            JsonNode project = projects.get(i);
            String at = where + "[" + i + "]";
            if (!project.isTextual() || ProjectId.of(project.asText()).isLeft()) {
                return Either.left(at + " is not a project id (1 to 64 letters, digits, '-' or '_')");
            }
            ids = ids.add(new ProjectId(project.asText()));
        }
        return Either.right(ids);
    }

    private static Either<String, String> text(JsonNode value, String where) {
        return value.isTextual() && !value.asText().isBlank() ? Either.right(value.asText()) : Either.left(where + " is a non-empty string");
    }

    private static boolean onlyFields(JsonNode object, String... allowed) {
        java.util.Set<String> names = java.util.Set.of(allowed);
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            if (!names.contains(fields.next())) {
                return false;
            }
        }
        return true;
    }
}
