package org.coffeecontrol.remote.api;

/** How a remote operation ended. Only {@link #OK} means the machine ran it and answered with exit code 0. */
public enum Outcome {
    /** Ran, exit code 0. */
    OK,
    /** Ran, the machine answered with a non-zero exit code (e.g. a wrong PIN, an SQL error). */
    FAILED,
    /** Not sent: arguments, SQL or path refused before anything reached the machine. */
    REFUSED,
    /** No host, no credentials or no driver for the machine's family. */
    NOT_CONFIGURED,
    /** Connection refused, host unknown, network down. */
    UNREACHABLE,
    /** The machine refused the stored user name and password. */
    AUTH_FAILED,
    /** The machine's host key differs from the pinned one: possibly another machine or a man in the middle. */
    HOST_KEY_REJECTED,
    /** No complete answer within the timeout. */
    TIMEOUT,
    /** Too many operations in flight (for the platform or for this machine). */
    BUSY,
    /** Cancelled by the caller. */
    CANCELLED,
    /** Any other transport failure; the message says which. */
    ERROR
}
