package io.demanager.application.port.out;

import io.demanager.domain.instance.InstanceId;

/** Makes the id of a new instance. */
public interface InstanceIds {

    InstanceId next();
}
