package io.demanager.application.service;

import io.demanager.application.port.in.GetAccessTokenQuery;
import static io.demanager.testkit.Principals.MEMBER;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.testkit.RecordingRuntime.Call;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class GetAccessTokenServiceTest {

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final GetAccessTokenService service = new GetAccessTokenService(store, runtime);

    @Test
    void aRunningInstanceHasTheTokenTheRuntimeGives() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).build());

        assertThat(service.accessToken(new GetAccessTokenQuery(MEMBER, new InstanceRef(PROJECT, running.id())))).containsExactly(RecordingRuntime.tokenFor(running.id()));
        assertThat(runtime.calls()).containsExactly(new Call(RecordingRuntime.Operation.ACCESS_TOKEN, running.id(), InstanceStatus.RUNNING));
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"RUNNING", "DELETED"})
    void anInstanceThatIsNotRunningHasNoTokenAndTheRuntimeIsNotAsked(InstanceStatus status) {
        Instance notRunning = store.given(anInstance().status(status).build());

        DomainError error = service.accessToken(new GetAccessTokenQuery(MEMBER, new InstanceRef(PROJECT, notRunning.id()))).getLeft();

        assertThat(error).isEqualTo(new DomainError.NotRunning());
        assertThat(error).isInstanceOf(DomainError.NotRunning.class);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aRunningInstanceOfAnotherProjectIs6309() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.RUNNING).build());

        assertThat(service.accessToken(new GetAccessTokenQuery(MEMBER, new InstanceRef(PROJECT, theirs.id()))).getLeft())
                .isEqualTo(new DomainError.InstanceNotFound(theirs.id().value()));
        assertThat(runtime.calls()).isEmpty();
    }
}
