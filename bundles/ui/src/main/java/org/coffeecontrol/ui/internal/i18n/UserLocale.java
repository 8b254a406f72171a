package org.coffeecontrol.ui.internal.i18n;

import java.util.Locale;
import java.util.Optional;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.ui.internal.services.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI language a user chose, kept in their account so it follows them to another browser. The language is a
 * comfort: when the user service cannot read or store it, the UI goes on in the browser's language.
 */
public final class UserLocale {
    private static final Logger LOG = LoggerFactory.getLogger(UserLocale.class);

    private UserLocale() {
    }

    /** The supported locale stored for the caller, or empty when none is stored or it cannot be read. */
    public static Optional<Locale> stored(UserService users, Caller caller) {
        try {
            String tag = users.user(caller, caller.username()).locale();
            if (tag == null || tag.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Translations.supported(Locale.forLanguageTag(tag)));
        } catch (ServiceUnavailableException | CoffeeException e) {
            LOG.warn("Could not read the language of {}: {}", caller.username(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores the caller's choice; false when it could not be stored (the session still switches). */
    public static boolean remember(UserService users, Caller caller, Locale locale) {
        try {
            users.setOwnLocale(caller, Translations.supported(locale).getLanguage());
            return true;
        } catch (ServiceUnavailableException | CoffeeException e) {
            LOG.warn("Could not store the language of {}: {}", caller.username(), e.getMessage());
            return false;
        }
    }
}
