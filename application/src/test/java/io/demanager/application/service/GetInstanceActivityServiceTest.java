package io.demanager.application.service;

import io.demanager.application.port.in.GetInstanceActivityQuery;
import io.demanager.application.port.in.InstanceActivity;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.demanager.domain.idle.IdleStopSettings;
import io.demanager.domain.idle.IdleVerdict.Reason;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.testkit.Principals;
import io.demanager.testkit.RecordingRuntime;
import io.demanager.testkit.SettableClock;
import io.demanager.testkit.memory.InMemoryInstanceStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

class GetInstanceActivityServiceTest {

    private static final Instant START = Instant.parse("2024-07-01T10:00:00Z");
    private static final IdleStopSettings IDLE_900 = new IdleStopSettings(true, Option.some(Duration.ofSeconds(900)));

    private final SettableClock clock = new SettableClock(START.plusSeconds(100));
    private final InMemoryInstanceStore store = new InMemoryInstanceStore(clock);
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final GetInstanceActivityService service = new GetInstanceActivityService(store, runtime, IdleStopPolicy.DEFAULT, clock);

    @Test
    void theActivityReadFromTheRuntimeIsJudgedNowByTheRuleInForce() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).runningSince(START).idleStop(IDLE_900).build());
        var kernel = new NotebookActivity.Kernel("k", false, START.plusSeconds(60));
        runtime.reportsActivity(running.id(), new NotebookActivity(List.of(kernel), List.empty()));

        InstanceActivity answer = service.activity(query(running)).get();

        assertThat(answer.takenAt()).isEqualTo(START.plusSeconds(100));
        assertThat(answer.activity().get().kernels()).containsExactly(kernel);
        assertThat(answer.policy()).isEqualTo(IdleStopPolicy.DEFAULT);
        assertThat(answer.verdict().reason()).isEqualTo(Reason.IDLE);
        assertThat(answer.verdict().stopAt()).containsExactly(START.plusSeconds(960));
    }

    @Test
    void aRunningInstanceWhoseActivityCannotBeReadSaysSo() {
        Instance running = store.given(anInstance().status(InstanceStatus.RUNNING).idleStop(IDLE_900).build());

        InstanceActivity answer = service.activity(query(running)).get();

        assertThat(answer.activity()).isEmpty();
        assertThat(answer.verdict().reason()).isEqualTo(Reason.ACTIVITY_UNREADABLE);
    }

    @Test
    void aStoppedInstancesNotebookIsNotAskedAnything() {
        Instance stopped = store.given(anInstance().status(InstanceStatus.STOPPED).idleStop(IDLE_900).build());
        runtime.reportsActivity(stopped.id(), new NotebookActivity(List.empty(), List.empty()));

        InstanceActivity answer = service.activity(query(stopped)).get();

        assertThat(answer.activity()).isEmpty();
        assertThat(answer.verdict().reason()).isEqualTo(Reason.NOT_RUNNING);
    }

    @Test
    void anInstanceOfAnotherProjectDoesNotExistForTheCaller() {
        Instance theirs = store.given(anInstance().project(OTHER_PROJECT).status(InstanceStatus.RUNNING).build());

        assertThat(service.activity(new GetInstanceActivityQuery(Principals.MEMBER,
                new InstanceRef(theirs.projectId(), theirs.id()))).getLeft())
                .isEqualTo(new DomainError.ProjectNotAllowed(OTHER_PROJECT.value()));
    }

    private static GetInstanceActivityQuery query(Instance instance) {
        return new GetInstanceActivityQuery(Principals.MEMBER, new InstanceRef(instance.projectId(), instance.id()));
    }
}
