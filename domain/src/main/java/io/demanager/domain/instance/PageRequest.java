package io.demanager.domain.instance;

/**
 * Which part of an ordered list is asked for: what follows the first {@code offset} entries.
 *
 * @param limit at most this many; 0 for all
 */
public record PageRequest(int offset, int limit) {

    public PageRequest {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative");
        }
    }
}
