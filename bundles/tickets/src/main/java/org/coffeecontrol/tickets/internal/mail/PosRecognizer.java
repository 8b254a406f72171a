package org.coffeecontrol.tickets.internal.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.coffeecontrol.api.catalog.PointOfSale;

/**
 * Finds the point of sale a mail is about, in its subject and body: first by POS code (a whole token), then by name,
 * then by address (both as contained text, case- and "ё"-insensitive, the longest match winning). Two different
 * points of sale matching equally well is no match: the mail goes to triage rather than to a guessed POS.
 */
public final class PosRecognizer {

    public enum Method { CODE, NAME, ADDRESS }

    /** A POS found, how, or why none was. */
    public record Recognition(PointOfSale pos, Method method, String note) {
        public boolean found() {
            return pos != null;
        }
    }

    /** Names and addresses shorter than this match too much ("АЗС", "1") to mean anything. */
    private static final int MIN_TEXT = 5;

    private PosRecognizer() {
    }

    public static Recognition recognise(Collection<PointOfSale> candidates, String subject, String body) {
        String text = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
        List<PointOfSale> byCode = new ArrayList<>();
        for (PointOfSale p : candidates) {
            if (p.code() != null && p.code().strip().length() >= 2 && token(p.code().strip()).matcher(text).find()) {
                byCode.add(p);
            }
        }
        if (byCode.size() == 1) {
            return new Recognition(byCode.get(0), Method.CODE, "POS code " + byCode.get(0).code());
        }
        if (byCode.size() > 1) {
            return new Recognition(null, null, "several POS codes in the mail: "
                    + byCode.stream().map(PointOfSale::code).sorted().toList());
        }
        String normal = normalise(text);
        Recognition byName = longest(candidates, normal, PointOfSale::name, Method.NAME);
        if (byName.found() || byName.note() != null) {
            return byName;
        }
        Recognition byAddress = longest(candidates, normal, PointOfSale::address, Method.ADDRESS);
        if (byAddress.found() || byAddress.note() != null) {
            return byAddress;
        }
        return new Recognition(null, null, "no POS code, name or address found in the mail");
    }

    private static Recognition longest(Collection<PointOfSale> candidates, String text,
            Function<PointOfSale, String> field, Method method) {
        List<PointOfSale> best = new ArrayList<>();
        int bestLength = 0;
        for (PointOfSale p : candidates) {
            String value = field.apply(p);
            if (value == null) {
                continue;
            }
            String needle = normalise(value);
            if (needle.length() < MIN_TEXT || !text.contains(needle)) {
                continue;
            }
            if (needle.length() > bestLength) {
                best.clear();
                bestLength = needle.length();
            }
            if (needle.length() == bestLength) {
                best.add(p);
            }
        }
        if (best.size() == 1) {
            return new Recognition(best.get(0), method, method.name().toLowerCase(Locale.ROOT) + " '"
                    + field.apply(best.get(0)) + "'");
        }
        if (best.size() > 1) {
            best.sort(Comparator.comparing(PointOfSale::name, Comparator.nullsFirst(Comparator.naturalOrder())));
            return new Recognition(null, null, "several POS match by " + method.name().toLowerCase(Locale.ROOT)
                    + ": " + best.stream().map(PointOfSale::name).toList());
        }
        return new Recognition(null, null, null);
    }

    private static Pattern token(String code) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(code) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s\\u00a0]+", " ")
                .replaceAll("[«»\"“”]", "").strip();
    }
}
