/**
 * Outgoing e-mail, configured once for the platform ({@code etc/org.coffeecontrol.mail.cfg}) and sent by core:
 * monitoring's notifications, the tickets' service acts, EKDS hand-overs and completeness reminders all go through
 * {@link org.coffeecontrol.api.mail.MailService} instead of each bundle setting up its own SMTP session.
 */
@Export
@Version("1.0.0")
package org.coffeecontrol.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
