package io.demanager.application.port.in;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * A free flavor's places and queue as its users see them.
 *
 * @param soldOut       whether a newcomer would wait: every place is taken or owed to a queued instance
 * @param queued        how many instances wait in the queue
 * @param newcomerAdmittedAt when a newcomer joining now would get a place, as far as can be told; none if the flavor
 *                      has no places at all
 */
public record FreeFlavorQueue(boolean soldOut, long queued, Option<Instant> newcomerAdmittedAt) {
}
