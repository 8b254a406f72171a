/**
 * The monitoring centre (MON-2..MON-9 logic): live machine state, detected problems, uptime, drinks sold, the event
 * journal, notifications and subscriptions. Every method takes the {@link org.coffeecontrol.api.security.Caller}
 * and shows only the clients it may see.
 */
@Export
@Version("1.2.0")
package org.coffeecontrol.monitoring.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
