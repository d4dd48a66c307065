package io.demanager.domain.error;

/**
 * What a refused value was meant to be, in the domain's words. Each driving adapter names it the way its callers
 * write it: the HTTP adapter, for example, as a path in the request body.
 */
public sealed interface Attribute permits InstanceAttribute, StorageAttribute {
}
