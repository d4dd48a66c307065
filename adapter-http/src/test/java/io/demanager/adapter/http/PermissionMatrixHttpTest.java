package io.demanager.adapter.http;

import io.demanager.application.port.in.Permission;
import io.demanager.application.port.in.Principal;
import io.demanager.application.port.in.ProjectGrant;
import io.demanager.domain.instance.ProjectId;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.demanager.adapter.http.ApiServer.instancePath;
import static io.demanager.adapter.http.ApiServer.instancesPath;
import static io.demanager.testkit.TestNotebooks.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, as a caller granted one action in the project (each of the seven in turn), with or without the
 * restriction to its own instances, on its own instance and on another member's: each cell's status and code.
 * Only the route's own action lets the request through (else 403, 6622 naming it); then a restricted caller does not
 * find another member's instance (6309) nor sees it listed.
 */
class PermissionMatrixHttpTest {

    @RegisterExtension
    static final ApiServer server = ApiServer.start();
    private static final String PROJECT = ApiServer.newProject();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private enum Route {
        CREATE(Permission.CREATE), LIST(Permission.LIST), GET(Permission.GET), MODIFY(Permission.UPDATE),
        DELETE(Permission.DELETE), ACTION(Permission.ACTION), TOKEN(Permission.ACCESS), EVENTS(Permission.GET),
        RENEW_LEASE(Permission.UPDATE), ACTIVITY(Permission.GET);

        final Permission needs;

        Route(Permission needs) {
            this.needs = needs;
        }

        ApiResponse send(ApiClient client, String instance) {
            String one = instancePath(PROJECT, instance);
            return switch (this) {
                case CREATE -> client.post(instancesPath(PROJECT), Bodies.create("made-" + NAMES.incrementAndGet()));
                case LIST -> client.get(instancesPath(PROJECT) + "?de_type=Notebook&show_self=false");
                case GET -> client.get(one);
                case MODIFY -> client.put(one, "{\"description\": \"changed\"}");
                case DELETE -> client.delete(one);
                case ACTION -> client.post(one + "/action", Bodies.action("stop"));
                case TOKEN -> client.get(one + "/token");
                case EVENTS -> client.get(one + "/events");
                case RENEW_LEASE -> client.patch(one + "/lease", "{\"duration\": 7200}");
                case ACTIVITY -> client.get(one + "/activity");
            };
        }
    }

    private enum Target { OWN, ANOTHER_MEMBERS }

    private record Cell(Route route, Permission granted, boolean ownInstancesOnly, Target target) {

        boolean permitted() {
            return granted == route.needs;
        }

        /** Whether the caller reaches the target instance: its own, or any when it is not restricted. */
        boolean reaches() {
            return target == Target.OWN || !ownInstancesOnly;
        }

        @Override
        public String toString() {
            return route + " granted " + granted.iamName() + (ownInstancesOnly ? " (own only)" : "") + " on " + target;
        }
    }

    static Stream<Cell> cells() {
        return Stream.of(Route.values()).flatMap(route -> Stream.of(Permission.values())
                .flatMap(granted -> Stream.of(false, true)
                        .flatMap(ownOnly -> Stream.of(Target.values()).map(target -> new Cell(route, granted, ownOnly, target)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void eachCellAnswersWhatItsGrantAllows(Cell cell) {
        String instance = instanceFor(cell);
        ApiClient caller = server.client.withToken(ApiServer.tokenFor(new Principal(ApiServer.CALLER,
                HashMap.of(new ProjectId(PROJECT), new ProjectGrant(HashSet.of(cell.granted()), cell.ownInstancesOnly())))));

        ApiResponse response = cell.route().send(caller, instance);

        if (!cell.permitted()) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("ModelArts.6622");
            assertThat(response.errorMessage())
                    .isEqualTo("The token does not grant the '" + cell.route().needs.iamName() + "' permission in this project.");
        } else if (cell.route() == Route.CREATE) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("user").path("id").asText()).isEqualTo(ApiServer.CALLER.id());
        } else if (cell.route() == Route.LIST) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("instances").findValuesAsText("id").contains(instance)).isEqualTo(cell.reaches());
        } else if (cell.reaches()) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("ModelArts.6309");
        }
    }

    /**
     * A fresh instance of the target's owner for a request that gets through (stopped for a delete, running
     * otherwise), so that no cell sees another's change; a refused request never reaches it.
     */
    private static String instanceFor(Cell cell) {
        ApiClient owner = cell.target() == Target.OWN ? server.client : server.client.withToken(ApiServer.OTHER_TOKEN);
        ApiResponse created = owner.post(instancesPath(PROJECT), Bodies.create("target-" + NAMES.incrementAndGet()));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().path("id").asText();
        server.report(PROJECT, id, new RuntimeEvent.Created(ACCESS));
        if (cell.route() == Route.DELETE && cell.permitted()) {
            assertThat(server.client.post(instancePath(PROJECT, id) + "/action", Bodies.action("stop")).status()).isEqualTo(200);
            server.report(PROJECT, id, new RuntimeEvent.Stopped());
        }
        return id;
    }
}
