package org.coffeecontrol.api.security;

/** Outcome of a login attempt. The reason is for logs; users get one generic message for bad credentials. */
public record AuthResult(Status status, Caller caller, String reason) {
    public enum Status { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

    public static AuthResult ok(Caller caller) {
        return new AuthResult(Status.OK, caller, null);
    }

    public static AuthResult failed(Status status, String reason) {
        return new AuthResult(status, null, reason);
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
