/** Errors and paging shared by every Coffee Control service API. */
@Export
@Version("1.0.0")
package org.coffeecontrol.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
