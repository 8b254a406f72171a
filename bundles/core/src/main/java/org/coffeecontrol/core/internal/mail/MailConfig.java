package org.coffeecontrol.core.internal.mail;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** ConfigAdmin PID {@code org.coffeecontrol.mail}: the platform's SMTP server, which every bundle's e-mail goes through. */
@ObjectClassDefinition(name = "Coffee Control mail", description = "SMTP server for the platform's e-mail (notifications, service acts, reminders)")
public @interface MailConfig {

    String PID = "org.coffeecontrol.mail";

    @AttributeDefinition(description = "SMTP host; e-mail is off while no configuration exists")
    String host();

    @AttributeDefinition(description = "SMTP port")
    int port() default 25;

    @AttributeDefinition(description = "Sender address")
    String from() default "coffee-control@localhost";

    @AttributeDefinition(description = "SMTP user name; empty for no authentication", required = false)
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "Upgrade the connection with STARTTLS (required when true)")
    boolean startTls() default false;

    @AttributeDefinition(description = "Connect with TLS from the start (SMTPS)")
    boolean ssl() default false;

    @AttributeDefinition(description = "Connect and read timeout in milliseconds")
    int timeoutMillis() default 10000;
}
