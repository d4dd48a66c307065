package io.demanager.domain.autostop;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * A requested change of auto-stop settings: each part that is absent is left as it is.
 * {@link #applyTo} checks the rules in the order the API documents them and answers with the new settings.
 */
public record AutoStopChange(Option<Boolean> enable, Option<Long> durationSeconds, Option<Boolean> prompt) {

    public static final AutoStopChange NONE = new AutoStopChange(Option.none(), Option.none(), Option.none());

    public AutoStopChange {
        Objects.requireNonNull(enable, "enable");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(prompt, "prompt");
    }

    public Either<DomainError, AutoStopSettings> applyTo(AutoStopSettings current, Flavor flavor, AutoStopPolicy policy) {
        return disablesAFreeFlavor(flavor)
                .orElse(this::enablesWithoutDuration)
                .<Either<DomainError, Option<Duration>>>map(Either::left)
                .getOrElse(() -> checkedDuration(current, policy.forFlavor(flavor)))
                .map(duration -> new AutoStopSettings(
                        enable.getOrElse(current.enabled()),
                        duration,
                        prompt.getOrElse(current.prompt())));
    }

    private Option<DomainError> disablesAFreeFlavor(Flavor flavor) {
        return Option.when(flavor.isFree() && enable.contains(false),
                () -> new DomainError.IncorrectValue(InstanceAttribute.AUTO_STOP_ENABLED));
    }

    /** The API documents the duration as "mandatory when enable is set to true". */
    private Option<DomainError> enablesWithoutDuration() {
        return Option.when(enable.contains(true) && durationSeconds.isEmpty(), DomainError.DurationRequired::new);
    }

    private Either<DomainError, Option<Duration>> checkedDuration(AutoStopSettings current, AutoStopPolicy inForce) {
        return durationSeconds
                .map(seconds -> inForce.checkDuration(seconds).map(Option::some))
                .getOrElse(Either.right(current.duration()));
    }
}
