package org.coffeecontrol.tickets.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.coffeecontrol.api.catalog.PointOfSale;
import org.junit.jupiter.api.Test;

class PosRecognizerTest {

    static PointOfSale pos(long id, String name, String code, String address) {
        return new PointOfSale(id, name, code, 1, null, address, null, null, null, null, null, null, null, null,
                null, null, null, null, "pos" + id + "@example.test", 0);
    }

    static final List<PointOfSale> FLEET = List.of(pos(1, "АЗС 17 Лесная", "MSK-017", "г. Москва, ул. Лесная, д. 5"),
            pos(2, "АЗС 17 Лесная-2", "MSK-171", "г. Москва, ул. Лесная, д. 7"),
            pos(3, "Station Alpha", "A1", "1 Main Street, Springfield"));

    @Test
    void codeIsAWholeTokenAndWinsOverNames() {
        var r = PosRecognizer.recognise(FLEET, "Не работает кофемашина MSK-171", "Станция АЗС 17 Лесная");
        assertEquals(2L, r.pos().id());
        assertEquals(PosRecognizer.Method.CODE, r.method());
        assertFalse(PosRecognizer.recognise(FLEET, "MSK-0171", "").found(), "part of a longer token is no code");
    }

    @Test
    void theLongestNameWinsCaseAndYoInsensitive() {
        var r = PosRecognizer.recognise(FLEET, "Проблема", "Добрый день! На азс 17 лесная-2 нет воды");
        assertEquals(2L, r.pos().id());
        assertEquals(PosRecognizer.Method.NAME, r.method());
        assertEquals(1L, PosRecognizer.recognise(FLEET, "АЗС 17 ЛЕСНАЯ: сломалась", null).pos().id());
    }

    @Test
    void addressIsTheLastResort() {
        var r = PosRecognizer.recognise(FLEET, "Coffee machine", "broken at 1 main street, springfield today");
        assertEquals(3L, r.pos().id());
        assertEquals(PosRecognizer.Method.ADDRESS, r.method());
    }

    @Test
    void ambiguousOrUnknownIsNoMatchWithAReason() {
        var two = PosRecognizer.recognise(FLEET, "MSK-017 and MSK-171", "");
        assertNull(two.pos());
        assertTrue(two.note().contains("several POS codes"), two.note());
        var none = PosRecognizer.recognise(FLEET, "Hello", "Our machine at the airport is broken");
        assertFalse(none.found());
        assertTrue(none.note().startsWith("no POS"), none.note());
        assertFalse(PosRecognizer.recognise(List.of(pos(9, "A", "X", "B")), "A B X-ray", "").found(),
                "too-short names and addresses never match");
    }
}
