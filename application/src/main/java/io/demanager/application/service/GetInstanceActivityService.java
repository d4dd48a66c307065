package io.demanager.application.service;

import io.demanager.application.port.in.GetInstanceActivityQuery;
import io.demanager.application.port.in.GetInstanceActivityUseCase;
import io.demanager.application.port.in.InstanceActivity;
import io.demanager.application.port.in.Permission;
import io.demanager.application.port.out.InstanceStore;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.idle.IdleStopPolicy;
import io.vavr.control.Either;

import java.time.Clock;

/** The activity of an instance as the idle-stop engine would judge it now; reading it is not activity. */
public final class GetInstanceActivityService implements GetInstanceActivityUseCase {

    private final InstanceLookup lookup;
    private final NotebookRuntime runtime;
    private final IdleStopPolicy policy;
    private final Clock clock;

    public GetInstanceActivityService(InstanceStore store, NotebookRuntime runtime, IdleStopPolicy policy, Clock clock) {
        this.lookup = new InstanceLookup(store);
        this.runtime = runtime;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, InstanceActivity> activity(GetInstanceActivityQuery query) {
        return lookup.find(query.principal(), query.instance(), Permission.GET).map(instance -> {
            var activity = NotebookActivityReading.of(runtime, instance);
            var now = clock.instant();
            return new InstanceActivity(instance, now, activity, policy, instance.idleVerdict(activity, policy, now));
        });
    }
}
