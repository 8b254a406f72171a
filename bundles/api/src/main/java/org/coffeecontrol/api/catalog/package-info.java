/** The catalogues (CAT-1..5): clients, regions, equipment models, equipment, points of sale, and search. */
@Export
@Version("1.2.0")
package org.coffeecontrol.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
