package org.coffeecontrol.ui.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.ui.internal.layout.MenuEntry;
import org.coffeecontrol.ui.internal.layout.MenuRegistry;
import org.coffeecontrol.ui.internal.layout.MenuSection;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(Translations.bundle(locale).keySet());
    }

    @Test
    void englishAndRussianHaveTheSameKeys() {
        assertEquals(keys(Translations.ENGLISH), keys(Translations.RUSSIAN));
    }

    @Test
    void russianIsActuallyTranslated() {
        ResourceBundle en = Translations.bundle(Translations.ENGLISH);
        ResourceBundle ru = Translations.bundle(Translations.RUSSIAN);
        long same = keys(Translations.ENGLISH).stream().filter(k -> en.getString(k).equals(ru.getString(k)))
                .count();
        // Only brand names and the language names themselves may stay the same.
        assertTrue(same <= 4, same + " Russian messages equal the English ones");
        assertEquals("Войти", ru.getString("login.submit"));
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> used = new HashSet<>();
        Pattern literal = Pattern.compile("(?:getTranslation|tr\\.t)\\(\"([a-zA-Z.]*[a-zA-Z])\"");
        Pattern keyArg = Pattern.compile("\"((?:field|menu|action|validation)\\.[a-zA-Z.]*[a-zA-Z])\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String src = Files.readString(p);
                for (Pattern pattern : new Pattern[] { literal, keyArg }) {
                    Matcher m = pattern.matcher(src);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (String catalogue : new String[] { "clients", "regions", "models", "pos", "equipment" }) {
            used.add(catalogue + ".list");
            used.add(catalogue + ".item");
            used.add(catalogue + ".new");
        }
        OpeningHours.DAY_KEYS.forEach(d -> used.add("day." + d));
        for (SearchHit.Kind k : SearchHit.Kind.values()) {
            used.add("search.kind." + k.name());
        }
        Translations.LOCALES.forEach(l -> used.add("language." + l.getLanguage()));
        for (MenuSection s : MenuSection.values()) {
            if (s.labelKey() != null) {
                used.add(s.labelKey());
            }
        }
        MenuRegistry.standard().entries().stream().map(MenuEntry::labelKey).forEach(used::add);
        assertTrue(used.size() > 80, "the scan found too few keys to be trusted: " + used.size());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys(Translations.ENGLISH));
        assertEquals(Set.of(), missing);
    }

    @Test
    void unknownLocalesFallBackToEnglishAndParametersAreFormatted() {
        Translations t = new Translations();
        assertEquals("Saved: X", t.getTranslation("notice.saved", Locale.GERMAN, "X"));
        assertEquals("Сохранено: X", t.getTranslation("notice.saved", Locale.forLanguageTag("ru-RU"), "X"));
        assertEquals("!no.such.key", t.getTranslation("no.such.key", Locale.ENGLISH));
    }
}
