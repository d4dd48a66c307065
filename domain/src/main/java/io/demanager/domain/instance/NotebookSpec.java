package io.demanager.domain.instance;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.Objects;

/** What the notebook is given to run with: its storage, secrets and free-form annotations. */
public record NotebookSpec(
        Storage storage,
        List<Storage> extendStorage,
        Option<Credential> credential,
        Map<String, String> annotations,
        Map<String, String> extendParams) {

    public NotebookSpec {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(extendStorage, "extendStorage");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(extendParams, "extendParams");
    }

    /** The same spec with every secret (the credential) erased: what a deleted instance keeps. */
    public NotebookSpec withoutSecrets() {
        return new NotebookSpec(storage, extendStorage, Option.none(), annotations, extendParams);
    }
}
