package io.demanager.testkit.memory;

import io.demanager.testkit.contract.EngineQueriesContract;
import io.demanager.testkit.contract.EventFeedContract;
import io.demanager.testkit.contract.InstanceStoreContract;
import io.demanager.testkit.contract.RetentionContract;

class InMemoryInstanceStoreTest extends InstanceStoreContract<InMemoryInstanceStore>
        implements EngineQueriesContract<InMemoryInstanceStore>, EventFeedContract<InMemoryInstanceStore>,
        RetentionContract<InMemoryInstanceStore> {

    @Override
    protected InMemoryInstanceStore emptyStore() {
        return new InMemoryInstanceStore();
    }

    @Override
    public InMemoryInstanceStore store() {
        return store;
    }
}
