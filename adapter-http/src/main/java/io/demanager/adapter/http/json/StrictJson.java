package io.demanager.adapter.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Either;

import java.io.IOException;

/**
 * Reads a request body as one JSON object, strictly: no duplicate keys, nothing after the document, at most
 * {@value #MAX_NESTING_DEPTH} levels of nesting, none of the lenient extensions (comments, single quotes,
 * NaN, leading zeros). Anything else is an unreadable payload (6400) that says what is wrong. The body is read
 * as a tree, so unknown fields are for the readers of each operation to refuse, naming them.
 */
public final class StrictJson {

    private static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    public static Either<RequestError, ObjectNode> readObject(byte[] body) {
        try {
            JsonNode document = READER.readTree(body);
            if (document.isMissingNode()) {
                return unreadable("The body is empty: a JSON object is expected.");
            }
            if (!document.isObject()) {
                return unreadable("The body must be a JSON object.");
            }
            return Either.right((ObjectNode) document);
        } catch (StreamConstraintsException tooDeepOrTooLong) {
            return unreadable(tooDeepOrTooLong.getMessage().contains("nesting")
                    ? "The JSON document is nested deeper than " + MAX_NESTING_DEPTH + " levels."
                    : "A JSON value is too long.");
        } catch (MismatchedInputException trailingContent) {
            return unreadable("There is content after the JSON document.");
        } catch (JsonParseException malformed) {
            // Jackson reports a duplicate key as a parse error; only its message tells it apart.
            return unreadable(malformed.getOriginalMessage().startsWith("Duplicate")
                    ? "A JSON object has the same key twice" + at(malformed) + "."
                    : "The body is not well-formed JSON" + at(malformed) + ".");
        } catch (IOException unreadable) {
            return unreadable("The body is not well-formed JSON.");
        }
    }

    private static String at(JsonParseException exception) {
        var location = exception.getLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Either<RequestError, ObjectNode> unreadable(String reason) {
        return Either.left(new RequestError.InvalidPayload(reason));
    }
}
