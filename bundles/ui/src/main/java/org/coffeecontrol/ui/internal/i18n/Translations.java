package org.coffeecontrol.ui.internal.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Every UI string comes from {@code messages.properties} (English) and {@code messages_ru.properties}. A locale the
 * UI does not speak falls back to English, not to the JVM's default locale.
 */
public final class Translations implements I18NProvider {
    private static final long serialVersionUID = 1L;

    public static final String BUNDLE = "org.coffeecontrol.ui.internal.i18n.messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final List<Locale> LOCALES = List.of(ENGLISH, RUSSIAN);

    /** The supported locale closest to what the browser asked for. */
    public static Locale supported(Locale requested) {
        if (requested != null && RUSSIAN.getLanguage().equals(requested.getLanguage())) {
            return RUSSIAN;
        }
        return ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), Translations.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A translator bound to one locale, for code that runs outside a UI (and for tests). */
    public static Tr forLocale(Locale locale) {
        Translations t = new Translations();
        return (key, params) -> t.getTranslation(key, locale, params);
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, supported(locale)).format(params);
    }
}
