package io.demanager.bootstrap.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The tokens file: every token, the user it names, the projects that user may act in and what it is granted in each.
 * A project is its id (every permission, on every instance of the project), or an object that narrows the grant:
 * <pre>
 * {"tokens": [
 *   {"token": "a long random secret", "user": {"id": "u-42", "name": "alice"}, "projects": ["demo-project",
 *     {"id": "shared", "actions": ["list", "get", "access"], "own_instances_only": true}]}
 * ]}
 * </pre>
 * {@code actions} are the IAM names of {@link Permission} (all of them when absent); {@code own_instances_only}
 * (false when absent) limits the user to the instances it owns in that project.
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

    private static Either<String, Map<String, Principal>> callers(JsonNode document) {
        if (document == null || !document.isObject() || !onlyFields(document, "tokens") || !document.path("tokens").isArray()) {
            return Either.left("the file is an object with one field, \"tokens\", an array");
        }
        Map<String, Principal> callers = LinkedHashMap.empty();
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
            Either<String, Principal> caller = user(entry.path("user"), where + ".user")
                    .flatMap(user -> projects(entry.path("projects"), where + ".projects").map(grants -> new Principal(user, grants)));
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

    private static Either<String, Map<ProjectId, ProjectGrant>> projects(JsonNode projects, String where) {
        if (!projects.isArray() || projects.isEmpty()) {
            return Either.left(where + " is an array of at least one project id");
        }
        Map<ProjectId, ProjectGrant> grants = LinkedHashMap.empty();
        for (int i = 0; i < projects.size(); i++) {
            JsonNode project = projects.get(i);
            String at = where + "[" + i + "]";
            Either<String, ProjectId> id = project.isObject() ? projectId(project.path("id"), at + ".id") : projectId(project, at);
            if (id.isLeft()) {
                return Either.left(id.getLeft());
            }
            if (grants.containsKey(id.get())) {
                return Either.left(at + " names the same project as an earlier one");
            }
            Either<String, ProjectGrant> grant = project.isObject() ? grant(project, at) : Either.right(ProjectGrant.EVERYTHING);
            if (grant.isLeft()) {
                return Either.left(grant.getLeft());
            }
            grants = grants.put(id.get(), grant.get());
        }
        return Either.right(grants);
    }

    private static Either<String, ProjectId> projectId(JsonNode id, String where) {
        return id.isTextual() && ProjectId.of(id.asText()).isRight()
                ? Either.right(new ProjectId(id.asText()))
                : Either.left(where + " is not a project id (1 to 64 letters, digits, '-' or '_')");
    }

    /** {@code {"id", "actions", "own_instances_only"}}: the actions default to all of them, the restriction to none. */
    private static Either<String, ProjectGrant> grant(JsonNode project, String where) {
        if (!onlyFields(project, "id", "actions", "own_instances_only")) {
            return Either.left(where + " is a project id or an object with the fields id, actions and own_instances_only");
        }
        JsonNode ownOnly = project.path("own_instances_only");
        if (!ownOnly.isMissingNode() && !ownOnly.isBoolean()) {
            return Either.left(where + ".own_instances_only is true or false");
        }
        JsonNode actions = project.path("actions");
        return (actions.isMissingNode() ? Either.<String, Set<Permission>>right(Permission.ALL) : permissions(actions, where + ".actions"))
                .map(permissions -> new ProjectGrant(permissions, ownOnly.asBoolean(false)));
    }

    private static Either<String, Set<Permission>> permissions(JsonNode actions, String where) {
        String known = List.of(Permission.values()).map(Permission::iamName).mkString(", ");
        if (!actions.isArray()) {
            return Either.left(where + " is an array of actions among " + known);
        }
        Set<Permission> permissions = HashSet.empty();
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            var permission = action.isTextual() ? Permission.ofIamName(action.asText()) : Option.<Permission>none();
            if (permission.isEmpty()) {
                return Either.left(where + "[" + i + "] is not an action; the actions are " + known);
            }
            permissions = permissions.add(permission.get());
        }
        return Either.right(permissions);
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
