package io.demanager.application.service;

import io.demanager.application.port.in.DeleteExpiredRetentionsUseCase;
import io.demanager.application.port.in.DeliverWebhooksUseCase;
import io.demanager.application.port.in.GetFreeFlavorQueueUseCase;
import io.demanager.application.port.in.InstanceUseCases;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.in.ResumeRuntimeWorkUseCase;
import io.demanager.application.port.in.StopExpiredLeasesUseCase;
import io.demanager.application.port.in.StopIdleInstancesUseCase;
import io.demanager.application.port.in.WarnEndingLeasesUseCase;
import io.demanager.application.port.out.AutoStopMetrics;
import io.demanager.application.port.out.Catalog;
import io.demanager.application.port.out.InstanceIds;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.application.port.out.Stores;
import io.demanager.application.port.out.WebhookOutbox;
import io.demanager.application.port.out.WebhookSender;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.LeaseRenewalPolicy;
import io.demanager.domain.idle.IdleStopPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Every service of the application, wired by hand over the driven ports it is given: the one place where a service
 * meets its ports. The server builds one over its adapters, a test over the test kit's; both then hand the use cases
 * to the adapters that drive them.
 */
public final class ApplicationServices {

    /**
     * @param freeFlavorCapacity how many instances of each free flavor may hold capacity at once
     * @param leaseRenewal       how far from now a renewal may move the end of a running lease
     * @param leaseWarning       how long before its lease ends an instance that asked for it is warned
     * @param idleStop           the idle times clients may ask for, the minimum running time and the idle warning's time
     */
    public record Settings(AutoStopPolicy autoStopPolicy, int freeFlavorCapacity, LeaseRenewalPolicy leaseRenewal,
                           Duration leaseWarning, IdleStopPolicy idleStop) {

        public Settings {
            Objects.requireNonNull(autoStopPolicy, "autoStopPolicy");
            Objects.requireNonNull(leaseRenewal, "leaseRenewal");
            Objects.requireNonNull(leaseWarning, "leaseWarning");
            Objects.requireNonNull(idleStop, "idleStop");
        }

        /** The settings with idle stop's defaults. */
        public Settings(AutoStopPolicy autoStopPolicy, int freeFlavorCapacity, LeaseRenewalPolicy leaseRenewal,
                        Duration leaseWarning) {
            this(autoStopPolicy, freeFlavorCapacity, leaseRenewal, leaseWarning, IdleStopPolicy.DEFAULT);
        }
    }

    private final InstanceUseCases instanceUseCases;
    private final RecordRuntimeProgressUseCase runtimeProgress;
    private final ResumeRuntimeWorkUseCase resumeRuntimeWork;
    private final StopExpiredLeasesUseCase stopExpiredLeases;
    private final WarnEndingLeasesUseCase warnEndingLeases;
    private final GetFreeFlavorQueueUseCase freeFlavorQueue;
    private final DeleteExpiredRetentionsUseCase deleteExpiredRetentions;
    private final StopIdleInstancesUseCase stopIdleInstances;

    public ApplicationServices(Stores stores, Catalog catalog, NotebookRuntime runtime, InstanceIds ids, AutoStopMetrics metrics,
                               StatusChangePublisher statusChanges, Settings settings, Clock clock) {
        var store = stores.instances();
        var policy = settings.autoStopPolicy();
        var idlePolicy = settings.idleStop();
        var capacity = new FreeFlavorCapacity(stores.activeInstances(), settings.freeFlavorCapacity());
        var freeFlavorQueues = new FreeFlavorQueues(stores.queues(), settings.freeFlavorCapacity());
        freeFlavorQueue = new GetFreeFlavorQueueService(freeFlavorQueues, clock);
        instanceUseCases = new InstanceUseCases(
                new CreateInstanceService(store, catalog, capacity, freeFlavorQueues, runtime, ids, policy, idlePolicy, clock,
                        statusChanges),
                new ListInstancesService(store, freeFlavorQueues, clock),
                new GetInstanceService(store, freeFlavorQueues, clock),
                new ModifyInstanceService(store, policy, idlePolicy, clock),
                new DeleteInstanceService(store, runtime, clock, statusChanges),
                new InstanceActionService(store, capacity, runtime, clock, statusChanges),
                new GetAccessTokenService(store),
                new ListInstanceEventsService(store, stores.events()),
                new RenewLeaseService(store, settings.leaseRenewal(), clock),
                new ViewCatalogService(catalog, stores.activeInstances(), freeFlavorQueues, settings.freeFlavorCapacity(), clock),
                new WatchEventsService(stores.eventFeed()),
                new GetInstanceActivityService(store, runtime, idlePolicy, clock));
        runtimeProgress = new RecordRuntimeProgressService(store, capacity, runtime, clock, statusChanges);
        resumeRuntimeWork = new ResumeRuntimeWorkService(stores.instancesInStatus(), store, catalog, capacity,
                runtime, clock, statusChanges);
        stopExpiredLeases = new StopExpiredLeasesService(stores.dueLeases(), runtime, metrics, statusChanges);
        warnEndingLeases = new WarnEndingLeasesService(stores.dueLeases(), settings.leaseWarning());
        deleteExpiredRetentions = new DeleteExpiredRetentionsService(stores.expiredRetentions(), runtime, statusChanges);
        stopIdleInstances = new StopIdleInstancesService(stores.instancesInStatus(), store, runtime, statusChanges, idlePolicy,
                clock);
    }

    /** What a client of the instance API drives. */
    public InstanceUseCases instanceUseCases() {
        return instanceUseCases;
    }

    /** Where the runtime reports what became of the work it was asked for. */
    public RecordRuntimeProgressUseCase runtimeProgress() {
        return runtimeProgress;
    }

    /** What a starting server calls to ask the runtime again for the work lost with the last process. */
    public ResumeRuntimeWorkUseCase resumeRuntimeWork() {
        return resumeRuntimeWork;
    }

    /** What the auto-stop worker calls, batch by batch. */
    public StopExpiredLeasesUseCase stopExpiredLeases() {
        return stopExpiredLeases;
    }

    /** The delivery of webhooks from {@code outbox} through {@code sender}: only a server that posts webhooks has one. */
    public DeliverWebhooksUseCase webhookDelivery(WebhookOutbox outbox, WebhookSender sender, DeliverWebhooksUseCase.Retries retries) {
        return new DeliverWebhooksService(outbox, sender, retries);
    }

    /** A free flavor's queue as users see it: for a catalog that shows whether a flavor is sold out. */
    public GetFreeFlavorQueueUseCase freeFlavorQueue() {
        return freeFlavorQueue;
    }

    /** What the idle-stop worker calls at each look. */
    public StopIdleInstancesUseCase stopIdleInstances() {
        return stopIdleInstances;
    }

    /** What the auto-stop worker calls to warn before the stop, batch by batch. */
    public WarnEndingLeasesUseCase warnEndingLeases() {
        return warnEndingLeases;
    }

    /** What the retention worker calls, batch by batch. */
    public DeleteExpiredRetentionsUseCase deleteExpiredRetentions() {
        return deleteExpiredRetentions;
    }
}
