package io.demanager.domain.instance;

import java.util.Objects;

/**
 * How a running notebook is opened: where it answers and the token it asks for. The token is a secret:
 * {@link #toString()} hides it, and only the token route shows it.
 *
 * @param url   the notebook's address, ending with {@code /}
 * @param token what the notebook asks every request for
 */
public record NotebookAccess(String url, String token) {

    public NotebookAccess {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        if (!url.endsWith("/")) {
            throw new IllegalArgumentException("a notebook address ends with /: " + url);
        }
    }

    /** The scheme, host and port of {@link #url()}: what the contract calls {@code target_domain}. */
    public String targetDomain() {
        int afterScheme = url.indexOf("://");
        int pathStart = url.indexOf('/', afterScheme < 0 ? 0 : afterScheme + 3);
        return url.substring(0, pathStart);
    }

    @Override
    public String toString() {
        return "NotebookAccess[url=" + url + ", token=****]";
    }
}
