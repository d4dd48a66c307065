package io.demanager.adapter.persistence.memory;

import io.demanager.adapter.persistence.InstanceStoreContract;

class InMemoryInstanceStoreTest extends InstanceStoreContract<InMemoryInstanceStore> {

    @Override
    protected InMemoryInstanceStore emptyStore() {
        return new InMemoryInstanceStore();
    }
}
