package org.coffeecontrol.monitoring.internal;

/**
 * Sends plain-text e-mail over SMTP. A private service of this bundle: present only while the mail configuration
 * ({@code org.coffeecontrol.mail}) names a host, so monitoring runs fine without e-mail.
 */
public interface MailSender {

    /** @throws IllegalStateException when the SMTP server refused or could not be reached */
    void send(String to, String subject, String body);
}
