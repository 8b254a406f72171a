package org.coffeecontrol.rest.internal.workspace;

/** Body for recording an opened form or pinning one. */
public record WorkspaceEntry(String location, String title) {
}
