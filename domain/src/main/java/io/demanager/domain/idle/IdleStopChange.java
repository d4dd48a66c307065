package io.demanager.domain.idle;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/** A requested change of idle-stop settings: each part that is absent is left as it is. */
public record IdleStopChange(Option<Boolean> enable, Option<Long> idleSeconds) {

    public static final IdleStopChange NONE = new IdleStopChange(Option.none(), Option.none());

    public IdleStopChange {
        Objects.requireNonNull(enable, "enable");
        Objects.requireNonNull(idleSeconds, "idleSeconds");
    }

    /**
     * The settings after this change: an idle time out of the policy's bounds is refused naming it, and so is enabling
     * without an idle time given now or before.
     */
    public Either<DomainError, IdleStopSettings> applyTo(IdleStopSettings current, IdleStopPolicy policy) {
        return idleSeconds.map(seconds -> policy.checkIdleTime(seconds).map(Option::some))
                .getOrElse(Either.right(current.idleTime()))
                .flatMap(idleTime -> {
                    boolean enabled = enable.getOrElse(current.enabled());
                    DomainError noIdleTime = new DomainError.RequiredProperty(InstanceAttribute.IDLE_STOP_SECONDS);
                    return enabled && idleTime.isEmpty()
                            ? Either.<DomainError, IdleStopSettings>left(noIdleTime)
                            : Either.right(new IdleStopSettings(enabled, idleTime));
                });
    }
}
