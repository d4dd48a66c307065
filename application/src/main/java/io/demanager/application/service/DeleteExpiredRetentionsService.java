package io.demanager.application.service;

import io.demanager.application.port.in.DeleteExpiredRetentionsUseCase;
import io.demanager.application.port.out.ExpiredRetentions;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.TransitionCause;
import io.vavr.control.Option;

/**
 * The retention engine's rule: the store claims a batch of instances whose retention has ended and deletes each
 * through {@link Instance#deleteForRetention}, the same transition as a user's delete, in one transaction; then the
 * runtime is asked to remove each notebook and its files, and the status-change publisher hears of each delete.
 */
public final class DeleteExpiredRetentionsService implements DeleteExpiredRetentionsUseCase {

    private final ExpiredRetentions expiredRetentions;
    private final NotebookRuntime runtime;
    private final StatusChangePublisher statusChanges;

    public DeleteExpiredRetentionsService(ExpiredRetentions expiredRetentions, NotebookRuntime runtime,
                                          StatusChangePublisher statusChanges) {
        this.expiredRetentions = expiredRetentions;
        this.runtime = runtime;
        this.statusChanges = statusChanges;
    }

    @Override
    public int deleteExpiredRetentions(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one instance");
        }
        var deleted = expiredRetentions.deleteExpired(batchSize, Instance::deleteForRetention);
        deleted.forEach(expired -> {
            RuntimeWork.askFor(runtime, expired.deleted());
            statusChanges.publishWrite(Option.some(expired.before()), expired.deleted(), TransitionCause.RETENTION);
        });
        return deleted.size();
    }
}
