package org.coffeecontrol.api.workspace;

import java.time.Instant;

/**
 * A form or report a user opened or pinned.
 *
 * @param location where to go back to, e.g. the UI route with its parameters ({@code pos/42})
 * @param title    what the user saw in the title, in their language
 * @param at       when it was opened (history) or pinned (favourites)
 */
public record WorkspaceItem(long id, String location, String title, Instant at) {
}
