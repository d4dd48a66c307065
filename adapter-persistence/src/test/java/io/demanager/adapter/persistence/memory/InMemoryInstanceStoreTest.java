package io.demanager.adapter.persistence.memory;

import io.demanager.adapter.persistence.EngineQueriesContract;
import io.demanager.adapter.persistence.InstanceStoreContract;

class InMemoryInstanceStoreTest extends InstanceStoreContract<InMemoryInstanceStore>
        implements EngineQueriesContract<InMemoryInstanceStore> {

    @Override
    protected InMemoryInstanceStore emptyStore() {
        return new InMemoryInstanceStore();
    }

    @Override
    public InMemoryInstanceStore store() {
        return store;
    }
}
