package org.coffeecontrol.api.mail;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends e-mail through the platform's SMTP server. Registered only while {@code org.coffeecontrol.mail} names a
 * server: reference it optionally, so a platform without e-mail keeps running (a missing service means "no mail
 * server configured").
 */
@ProviderType
public interface MailService {

    /**
     * Sends one message and waits until the server accepted it.
     *
     * @return the Message-ID it went out with (replies carry it in In-Reply-To)
     * @throws org.coffeecontrol.api.ValidationException naming {@code to} when the recipient is not an address
     * @throws IllegalStateException when the server refused the message or could not be reached; nothing was sent
     */
    String send(MailMessage message);
}
