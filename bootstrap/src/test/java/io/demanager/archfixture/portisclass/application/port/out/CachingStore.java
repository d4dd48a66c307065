package io.demanager.archfixture.portisclass.application.port.out;

import java.util.HashMap;
import java.util.Map;

/** Breaks the port rule: a driven port that is a class with behaviour, not a contract. */
public class CachingStore {

    private final Map<String, String> cache = new HashMap<>();

    public String find(String id) {
        return cache.computeIfAbsent(id, key -> key);
    }
}
