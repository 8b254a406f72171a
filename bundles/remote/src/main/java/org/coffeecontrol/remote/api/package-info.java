/**
 * Remote control of machines over SSH/SFTP: allow-listed commands (RC-1), SQL on the machine's local database
 * (RC-3), file exchange (RC-5), recipes with the clients' approved recipe cards (RC-2, since 1.1) and VNC access
 * data (RC-7, since 1.1); upload progress (since 1.3). Every method takes the {@link org.coffeecontrol.api.security.Caller} and checks
 * its role and its visibility of the machine; work on the machine itself is asynchronous so that a dead or hung
 * machine never holds the calling thread.
 */
@Export
@Version("1.3.0")
package org.coffeecontrol.remote.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
