package org.coffeecontrol.tickets.internal.mail;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** ConfigAdmin PID {@code org.coffeecontrol.tickets.mail}: the ticket mailbox and the EKDS e-mail route. */
@ObjectClassDefinition(name = "Coffee Control ticket mailbox", description = "IMAP mailbox read into tickets (TKT-2)")
public @interface MailboxConfig {

    String PID = "org.coffeecontrol.tickets.mail";

    @AttributeDefinition(description = "IMAP host; the mailbox is not read while no configuration exists")
    String host();

    @AttributeDefinition(description = "IMAP port (143, or 993 with ssl)")
    int port() default 143;

    @AttributeDefinition(description = "Connect with TLS from the start (IMAPS)")
    boolean ssl() default false;

    @AttributeDefinition(description = "Mailbox user")
    String user();

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Folder to read")
    String folder() default "INBOX";

    @AttributeDefinition(description = "Seconds between polls")
    int intervalSeconds() default 60;

    @AttributeDefinition(description = "Connect and read timeout in milliseconds")
    int timeoutMillis() default 10000;

    @AttributeDefinition(description = "Senders of the EKDS helpdesk: addresses or @domains, comma separated",
            required = false)
    String ekdsSenders() default "";

    @AttributeDefinition(description = "Regular expression finding the EKDS number in a subject (group 1)",
            required = false)
    String ekdsNumberPattern() default "(?i)EKDS\\s*[-:№#]?\\s*(\\d+)";

    @AttributeDefinition(description = "Where field tickets of POS routed to EKDS are e-mailed; empty: not sent",
            required = false)
    String ekdsAddress() default "";
}
