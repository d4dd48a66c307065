package io.demanager.adapter.http;

/** Where the API reports each request it serves, for the server's metrics. */
public interface RequestMetrics {

    /** A request has begun; it is in flight until its answer is reported on what this returns. */
    InFlight begin();

    interface InFlight {

        /**
         * The request was answered.
         *
         * @param route the matched route's path template, such as {@code /v1/{project_id}/demanager/instances},
         *              or {@code unmatched} for a path no route serves, so that the routes stay few
         */
        void answered(String method, String route, int status);
    }
}
