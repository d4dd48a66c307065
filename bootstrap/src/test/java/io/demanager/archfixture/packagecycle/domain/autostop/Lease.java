package io.demanager.archfixture.packagecycle.domain.autostop;

import io.demanager.archfixture.packagecycle.domain.instance.Instance;

public record Lease(long stopAtMillis) {

    public boolean belongsTo(Instance instance) {
        return instance.lease() == this;
    }
}
