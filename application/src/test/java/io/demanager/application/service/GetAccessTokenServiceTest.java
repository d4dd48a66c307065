package io.demanager.application.service;

import io.demanager.application.port.in.GetAccessTokenQuery;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class GetAccessTokenServiceTest {

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final GetAccessTokenService service = new GetAccessTokenService(store);

    @Test
    void aRunningInstanceHasTheTokenTheRuntimeReportedWhenItsNotebookAnswered() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING)
                .access(new NotebookAccess("http://127.0.0.1:41000/", "the-notebooks-token")).build());

        assertThat(service.accessToken(new GetAccessTokenQuery(MEMBER, new InstanceRef(PROJECT, running.id())))).containsExactly("the-notebooks-token");
    }

    @Test
    void aRunningInstanceWhoseNotebookWasNeverReportedHasNoToken() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).build());
        Instance reportedBeforeTokens = store.given(new Instance(running.id(), running.projectId(), running.name(),
                running.description(), running.status(), running.createdAt(), running.updatedAt(), running.profile(),
                running.flavor(), running.pool(), running.spec(), running.autoStop(), running.lease(), running.failure(),
                running.queuedSince(), running.inactiveSince(), Option.none(), running.workspaceId(), running.aiProjectId(),
                running.owner(), running.idleStop(), running.runningSince(), running.idleWarnedAt(), running.version()));

        assertThat(service.accessToken(new GetAccessTokenQuery(MEMBER, new InstanceRef(PROJECT, reportedBeforeTokens.id()))).getLeft())
                .isEqualTo(new DomainError.NotRunning());
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"RUNNING", "DELETED"})
    void anInstanceThatIsNotRunningHasNoToken(InstanceStatus status) {
        Instance notRunning = store.given(anInstance().status(status).build());

        DomainError error = service.accessToken(new GetAccessTokenQuery(MEMBER, new InstanceRef(PROJECT, notRunning.id()))).getLeft();

        assertThat(error).isEqualTo(new DomainError.NotRunning());
        assertThat(error).isInstanceOf(DomainError.NotRunning.class);
    }

    @Test
    void aRunningInstanceOfAnotherProjectIs6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.RUNNING).build());

        assertThat(service.accessToken(new GetAccessTokenQuery(MEMBER, new InstanceRef(PROJECT, theirs.id()))).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
    }
}
