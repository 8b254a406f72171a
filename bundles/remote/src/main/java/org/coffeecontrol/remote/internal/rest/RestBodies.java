package org.coffeecontrol.remote.internal.rest;

import java.util.Map;

/** Request bodies of the remote REST resource. */
final class RestBodies {

    private RestBodies() {
    }

    /** {@code {"args": {"pin": "1234"}}}; an empty body means no arguments. */
    record RunRequest(Map<String, String> args) {
    }

    /** The password is write-only: no response ever carries it. */
    record CredentialsRequest(String username, String password) {
    }

    /** Either {@code sql} or {@code queryId}; {@code maxRows} 0/absent = configured default. */
    record SqlRequest(String sql, Long queryId, Integer maxRows) {
    }
}
