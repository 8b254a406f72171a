package org.coffeecontrol.tickets.internal.mail;

import org.coffeecontrol.tickets.api.MailPollResult;

/** The configured ticket mailbox, registered only while {@code org.coffeecontrol.tickets.mail} exists. */
public interface Mailbox {

    MailPollResult pollNow();
}
