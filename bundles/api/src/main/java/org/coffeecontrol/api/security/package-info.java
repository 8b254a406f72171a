/** Users, roles and client visibility: who may do what, and see which clients. */
@Export
@Version("1.1.0")
package org.coffeecontrol.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
