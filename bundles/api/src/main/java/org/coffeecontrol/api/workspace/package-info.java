/** Per-user workspace: history of opened forms (COL-2) and favourites (COL-3). */
@Export
@Version("1.0.0")
package org.coffeecontrol.api.workspace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
