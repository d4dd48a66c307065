package io.demanager.adapter.http;

import io.demanager.adapter.http.json.RequestError;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An instance's stored version as an HTTP entity tag: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
final class Versions {

    static final String IF_MATCH = "If-Match";
    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a change is conditional on: none without {@code If-Match} or with {@code *} (any version).
     * Anything but one strong tag of this API ({@code "3"}) is refused with 6336 naming the header.
     */
    static Either<RequestError, Option<Long>> expected(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return Either.right(Option.none());
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        return tag.matches()
                ? Either.right(Option.some(Long.parseLong(tag.group(1))))
                : Either.left(new RequestError.IncorrectValue(IF_MATCH));
    }
}
