package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * Where a queued instance stands in its free flavor's queue.
 *
 * @param rank       1 for the instance that joined first (ties by id), across every project
 * @param since      when it joined the queue
 * @param admittedAt when it should get a place, estimated from the leases of the instances ahead; none if the flavor
 *                   has no places at all
 */
public record QueuePosition(long rank, Instant since, Option<Instant> admittedAt) {
}
