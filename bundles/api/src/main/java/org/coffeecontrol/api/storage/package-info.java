/**
 * Storage plumbing every bundle with tables of its own needs, kept here once so that core and the feature bundles
 * upgrade their schemas the same way: {@link org.coffeecontrol.api.storage.SchemaMigrations} applies a bundle's
 * numbered scripts on Derby and PostgreSQL and records them in that bundle's version table.
 */
@Export
@Version("1.0.0")
package org.coffeecontrol.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
