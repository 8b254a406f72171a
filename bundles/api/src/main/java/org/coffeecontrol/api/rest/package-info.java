/**
 * What every bundle's JAX-RS resources share, kept here once instead of a copy per bundle: the extensions an
 * authenticated JSON resource selects and the {@link org.coffeecontrol.api.security.Caller} of a request
 * ({@link org.coffeecontrol.api.rest.Callers}). Needs the JAX-RS 2.1 API, which the platform's REST feature provides.
 */
@Export
@Version("1.0.0")
package org.coffeecontrol.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
