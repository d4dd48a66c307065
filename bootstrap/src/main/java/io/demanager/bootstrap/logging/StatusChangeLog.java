package io.demanager.bootstrap.logging;

import io.demanager.application.port.out.StatusChangePublisher;
import io.demanager.domain.instance.LifecycleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The operators' record of every status change: one INFO line each, with the instance and project in the MDC (as on
 * a request's lines) and {@code from_status}, {@code to_status}, {@code cause} and, for an automatic stop,
 * {@code lateness_ms} as fields. A change made while a request runs may concern another instance (a queued one let
 * in), so the line sets its own MDC values and gives the request's back afterwards.
 */
public final class StatusChangeLog implements StatusChangePublisher {

    static final String PROJECT_ID = "project_id";
    static final String INSTANCE_ID = "instance_id";

    private static final Logger LOG = LoggerFactory.getLogger(StatusChangeLog.class);

    @Override
    public void publish(StatusChanged change) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LifecycleEvent event = change.event();
        String previousProject = MDC.get(PROJECT_ID);
        String previousInstance = MDC.get(INSTANCE_ID);
        MDC.put(PROJECT_ID, change.projectId().value());
        MDC.put(INSTANCE_ID, event.instanceId().value());
        try {
            LoggingEventBuilder line = LOG.atInfo();
            if (event.from().isDefined()) {
                line = line.addKeyValue("from_status", event.from().get().name());
            }
            line = line.addKeyValue("to_status", event.to().name()).addKeyValue("cause", event.cause().name());
            if (change.lateness().isDefined()) {
                line = line.addKeyValue("lateness_ms", change.lateness().get().toMillis());
            }
            line.log("Instance {} {} -> {} by {}{}", event.instanceId().value(),
                    event.from().map(Enum::name).getOrElse("(new)"), event.to(), event.cause(),
                    change.lateness().map(lateness -> ", " + lateness.toMillis() + " ms after its lease ended").getOrElse(""));
        } finally {
            restore(PROJECT_ID, previousProject);
            restore(INSTANCE_ID, previousInstance);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
