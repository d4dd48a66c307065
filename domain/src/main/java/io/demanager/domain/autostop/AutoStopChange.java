package io.demanager.domain.autostop;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.error.DomainError;
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

    public boolean isEmpty() {
        return enable.isEmpty() && durationSeconds.isEmpty() && prompt.isEmpty();
    }

    public Either<DomainError, AutoStopSettings> applyTo(AutoStopSettings current, Flavor flavor, AutoStopPolicy policy) {
        AutoStopPolicy inForce = policy.forFlavor(flavor);
        return freeFlavorStaysEnabled(flavor)
                .flatMap(ignored -> durationGivenWhenEnabling())
                .flatMap(ignored -> checkedDuration(current, inForce))
                .map(duration -> new AutoStopSettings(
                        enable.getOrElse(current.enabled()),
                        duration,
                        prompt.getOrElse(current.prompt())));
    }

    private Either<DomainError, Void> freeFlavorStaysEnabled(Flavor flavor) {
        return flavor.isFree() && enable.contains(false)
                ? Either.left(new DomainError.IncorrectValue("spec.auto_stop.enable"))
                : Either.right(null);
    }

    /** The seed: "This parameter is mandatory when enable is set to true." */
    private Either<DomainError, Void> durationGivenWhenEnabling() {
        return enable.contains(true) && durationSeconds.isEmpty()
                ? Either.left(new DomainError.DurationRequired())
                : Either.right(null);
    }

    private Either<DomainError, Option<Duration>> checkedDuration(AutoStopSettings current, AutoStopPolicy inForce) {
        return durationSeconds
                .map(seconds -> inForce.checkDuration(seconds).map(Option::some))
                .getOrElse(Either.right(current.duration()));
    }
}
