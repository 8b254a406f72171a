/**
 * Tickets and service (TKT-1..TKT-9): tickets with their lines, files, signature and history; the operator queue
 * with managers' priority rules; dispatch to mechanics; monthly audit planning with inspection checklists. Every
 * method takes the {@link org.coffeecontrol.api.security.Caller} and shows only the clients it may see; tickets of
 * other clients behave as if they did not exist. Failures are the api's exceptions
 * ({@link org.coffeecontrol.api.ValidationException} naming the field, NotFound, Conflict for a stale version or a
 * duplicate external number, AccessDenied); a rejected call changes nothing.
 */
@Export
@Version("1.1.0")
package org.coffeecontrol.tickets.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
