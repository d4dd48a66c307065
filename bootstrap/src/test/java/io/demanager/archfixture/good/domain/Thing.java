package io.demanager.archfixture.good.domain;

import io.vavr.control.Option;

import java.time.Instant;

public record Thing(String id, Option<Instant> seenAt) {
}
