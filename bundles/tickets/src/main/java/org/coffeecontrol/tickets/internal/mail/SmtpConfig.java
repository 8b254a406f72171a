package org.coffeecontrol.tickets.internal.mail;

/**
 * The platform's SMTP settings, ConfigAdmin PID {@code org.coffeecontrol.mail} (described and documented by the
 * monitoring bundle, which sends its notifications through the same server). Read here, not designated again.
 */
public @interface SmtpConfig {

    String PID = "org.coffeecontrol.mail";

    String host();

    int port() default 25;

    String from() default "coffee-control@localhost";

    String username() default "";

    String password() default "";

    boolean startTls() default false;

    boolean ssl() default false;

    int timeoutMillis() default 10000;
}
