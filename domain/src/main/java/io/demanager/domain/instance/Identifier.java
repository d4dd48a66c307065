package io.demanager.domain.instance;

import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.vavr.control.Either;

import java.util.function.Function;

/**
 * The one form of the ids and names a caller gives this engine (project, workspace, AI project, pool, instance
 * name): 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}. Anything else names nothing kept here.
 */
public final class Identifier {

    public static final int MAX_LENGTH = 64;

    private Identifier() {
    }

    public static boolean isWellFormed(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_LENGTH
                && text.chars().allMatch(c -> isAllowed((char) c));
    }

    public static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The guard of an id's constructor: {@code text} is well-formed, or the id cannot exist. */
    static String require(String text, String what) {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException(what + " is 1 to " + MAX_LENGTH + " letters, digits, '-' or '_', not " + text);
        }
        return text;
    }

    /** The id written as {@code text}, or 6336 naming {@code attribute}. */
    static <T> Either<DomainError, T> parse(String text, InstanceAttribute attribute, Function<String, T> id) {
        return isWellFormed(text) ? Either.right(id.apply(text)) : Either.left(new DomainError.IncorrectValue(attribute));
    }
}
