package io.demanager.archfixture.strayclass.util;

/** Breaks the rule that every class belongs to a part: {@code util} is none of them. */
public final class Helpers {

    private Helpers() {
    }
}
