/** Health checks that bundles contribute to {@code GET /api/health}. */
@Export
@Version("1.0.0")
package org.coffeecontrol.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
