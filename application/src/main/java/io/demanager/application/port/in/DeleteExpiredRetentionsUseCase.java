package io.demanager.application.port.in;

/**
 * The retention engine's work: delete, with cause retention, the inactive instances of free flavors that were not
 * started again within their flavor's store time, through the same transition as a user's delete.
 */
public interface DeleteExpiredRetentionsUseCase {

    /**
     * Delete up to {@code batchSize} instances whose retention has ended, and answer how many were deleted. A full batch
     * means more may be due.
     */
    int deleteExpiredRetentions(int batchSize);
}
