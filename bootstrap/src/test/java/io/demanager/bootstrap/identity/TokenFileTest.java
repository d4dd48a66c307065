package io.demanager.bootstrap.identity;

import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.UserRef;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TokenFileTest {

    @TempDir
    Path folder;

    @Test
    void eachTokenNamesItsUserAndTheProjectsThatUserMayActIn() throws IOException {
        ConfiguredCallers callers = TokenFile.read(file("""
                {"tokens": [
                  {"token": "alice-token", "user": {"id": "u-1", "name": "alice"}, "projects": ["p-1", "p-2"]},
                  {"token": "bob-token", "user": {"id": "u-2", "name": "bob"}, "projects": ["p-2"]}
                ]}""")).get();

        assertThat(callers.byToken("alice-token"))
                .contains(Principal.withEverythingIn(new UserRef("u-1", "alice"), HashSet.of(new ProjectId("p-1"), new ProjectId("p-2"))));
        assertThat(callers.byToken("bob-token")).contains(Principal.withEverythingIn(new UserRef("u-2", "bob"), HashSet.of(new ProjectId("p-2"))));
        assertThat(callers.byToken("alice-token ")).isEmpty();
        assertThat(callers.byToken(ConfiguredCallers.DEVELOPMENT_TOKEN)).isEmpty();
        assertThat(callers.isDevelopment()).isFalse();
    }

    @Test
    void aProjectMayGrantSomeActionsOnlyAndOnlyTheUsersOwnInstances() throws IOException {
        ConfiguredCallers callers = TokenFile.read(file("""
                {"tokens": [{"token": "carol-token", "user": {"id": "u-3", "name": "carol"}, "projects": [
                  "p-1",
                  {"id": "p-2", "actions": ["list", "get", "access"], "own_instances_only": true},
                  {"id": "p-3", "actions": []},
                  {"id": "p-4", "own_instances_only": false},
                  {"id": "p-5", "own_instances_only": true}
                ]}]}""")).get();

        assertThat(callers.byToken("carol-token").get().grants()).isEqualTo(LinkedHashMap.of(
                new ProjectId("p-1"), ProjectGrant.EVERYTHING,
                new ProjectId("p-2"), new ProjectGrant(HashSet.of(Permission.LIST, Permission.GET, Permission.ACCESS), true),
                new ProjectId("p-3"), new ProjectGrant(HashSet.empty(), false),
                new ProjectId("p-4"), ProjectGrant.EVERYTHING,
                new ProjectId("p-5"), new ProjectGrant(Permission.ALL, true)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "[] | the file is an object with one field, \"tokens\", an array",
            "{\"tokens\": [], \"extra\": 1} | the file is an object with one field, \"tokens\", an array",
            "{\"tokens\": []} | \"tokens\" names no token",
            "{\"tokens\": [{\"token\": \"\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [\"p\"]}]} | tokens[0].token is a non-empty string",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\"}, \"projects\": [\"p\"]}]} | tokens[0].user.name is a non-empty string",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\", \"admin\": true}, \"projects\": [\"p\"]}]} | tokens[0].user is an object with the fields id and name",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": []}]} | tokens[0].projects is an array of at least one project id",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [\"a b\"]}]} | tokens[0].projects[0] is not a project id",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [\"p\"]}, {\"token\": \"t\", \"user\": {\"id\": \"v\", \"name\": \"m\"}, \"projects\": [\"p\"]}]} | tokens[1].token is the same as an earlier one",
            "{\"tokens\": [{\"token\": \"t\", \"token\": \"u\"}]} | is not valid JSON at line 1",
            "{\"tokens\": [ | is not valid JSON at line 1",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [{\"actions\": [\"get\"]}]}]} | tokens[0].projects[0].id is not a project id",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [{\"id\": \"p\", \"admin\": true}]}]} | tokens[0].projects[0] is a project id or an object with the fields id, actions and own_instances_only",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [{\"id\": \"p\", \"actions\": \"get\"}]}]} | tokens[0].projects[0].actions is an array of actions among create, list, get, update, delete, action, access",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [{\"id\": \"p\", \"actions\": [\"get\", \"start\"]}]}]} | tokens[0].projects[0].actions[1] is not an action",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [{\"id\": \"p\", \"own_instances_only\": \"yes\"}]}]} | tokens[0].projects[0].own_instances_only is true or false",
            "{\"tokens\": [{\"token\": \"t\", \"user\": {\"id\": \"u\", \"name\": \"n\"}, \"projects\": [\"p\", {\"id\": \"p\"}]}]} | tokens[0].projects[1] names the same project as an earlier one"})
    void aBrokenFileIsRefusedNamingWhereAndNeverATokensValue(String content, String problem) throws IOException {
        Path file = file(content);

        assertThat(TokenFile.read(file).getLeft()).startsWith(file.toString()).contains(problem).doesNotContain("\"t\"");
    }

    @Test
    void theDevelopmentTokenNamesTheDocumentedCaller() {
        ConfiguredCallers development = ConfiguredCallers.development();

        assertThat(development.byToken("dev-token")).contains(Principal.withEverythingIn(new UserRef("dev", "dev"), HashSet.of(new ProjectId("demo-project"))));
        assertThat(development.byToken("dev-token2")).isEmpty();
        assertThat(development.isDevelopment()).isTrue();
    }

    private Path file(String content) throws IOException {
        return Files.writeString(folder.resolve("tokens.json"), content);
    }
}
