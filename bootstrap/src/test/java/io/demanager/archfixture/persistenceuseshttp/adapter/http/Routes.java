package io.demanager.archfixture.persistenceuseshttp.adapter.http;

public final class Routes {

    private Routes() {
    }

    public static String basePath() {
        return "/v1";
    }
}
