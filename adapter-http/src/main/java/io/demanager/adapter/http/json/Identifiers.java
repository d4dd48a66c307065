package io.demanager.adapter.http.json;

import java.util.regex.Pattern;

/**
 * The form of the ids a request names besides instances and projects (workspace, AI project, pool): 1 to 64
 * letters, digits, {@code -} or {@code _}, like a project id. Anything else names nothing this API keeps.
 */
public final class Identifiers {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Identifiers() {
    }

    public static boolean isWellFormed(String id) {
        return FORM.matcher(id).matches();
    }
}
