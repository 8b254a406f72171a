/**
 * Support for feature bundles' {@code coffee:*} shell commands: the caller of a command taken from its Karaf
 * session, and expected failures turned into one line and exit status 1. Feature bundles import this package
 * optionally, so they run without the shell bundle (their commands are then simply not there).
 */
@Export
@Version("1.0.0")
package org.coffeecontrol.shell.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
