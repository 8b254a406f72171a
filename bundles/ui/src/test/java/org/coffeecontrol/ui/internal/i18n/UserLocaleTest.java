package org.coffeecontrol.ui.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.ui.internal.dev.InMemoryUsers;
import org.coffeecontrol.ui.internal.dev.MapServiceSource;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.junit.jupiter.api.Test;

class UserLocaleTest {

    private final InMemoryUsers users = new InMemoryUsers().add("anna", "pw", EnumSet.of(Role.OPERATOR), Set.of())
            .add("boris", "pw", EnumSet.of(Role.OPERATOR), Set.of());
    private final Caller anna = users.callerFor("anna").orElseThrow();
    private final Caller boris = users.callerFor("boris").orElseThrow();

    @Test
    void nothingStoredMeansTheBrowserDecides() {
        assertEquals(Optional.empty(), UserLocale.stored(users, anna));
    }

    @Test
    void aChosenLanguageIsStoredPerUserAndReadBackAtTheNextLogin() {
        assertTrue(UserLocale.remember(users, anna, Locale.forLanguageTag("ru-RU")));
        assertEquals(Optional.of(Translations.RUSSIAN), UserLocale.stored(users, anna));
        assertEquals(Optional.empty(), UserLocale.stored(users, boris));

        assertTrue(UserLocale.remember(users, anna, Locale.ENGLISH));
        assertEquals(Optional.of(Translations.ENGLISH), UserLocale.stored(users, anna));
    }

    @Test
    void anUnsupportedLanguageIsStoredAsEnglishRatherThanRefused() {
        assertTrue(UserLocale.remember(users, anna, Locale.GERMAN));
        assertEquals(Optional.of(Translations.ENGLISH), UserLocale.stored(users, anna));
    }

    @Test
    void aMissingUserServiceNeitherBlocksLoginNorTheSwitch() {
        UserService gone = ServiceProxies.proxy(new MapServiceSource(), UserService.class);
        assertEquals(Optional.empty(), UserLocale.stored(gone, anna));
        assertFalse(UserLocale.remember(gone, anna, Translations.RUSSIAN));
    }
}
