package org.coffeecontrol.remote.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlOutputTest {

    @Test
    void readsATableAndCutsAtTheLimit() {
        String out = "ID\tPRODUCT\tPRICE\n1\tEspresso\t105.00\n2\tAmericano\tNULL\n3\tLatte\t\n(3 rows)\n";
        SqlOutput.Table t = SqlOutput.parse(out, 2);
        assertEquals(List.of("ID", "PRODUCT", "PRICE"), t.columns());
        assertEquals(List.of(List.of("1", "Espresso", "105.00"), List.of("2", "Americano", "NULL")), t.rows());
        assertTrue(t.truncated());
        assertNull(t.rowsAffected());
        SqlOutput.Table all = SqlOutput.parse(out, 10);
        assertEquals(List.of("3", "Latte", ""), all.rows().get(2));
        assertFalse(all.truncated());
    }

    @Test
    void readsEmptyResultsAndUpdateCounts() {
        SqlOutput.Table empty = SqlOutput.parse("ID\tPRODUCT\n(0 rows)\n", 10);
        assertEquals(List.of("ID", "PRODUCT"), empty.columns());
        assertTrue(empty.rows().isEmpty());
        assertEquals(3, SqlOutput.parse("3 rows affected\n", 10).rowsAffected());
        assertEquals(1, SqlOutput.parse("1 row affected", 10).rowsAffected());
    }

    @Test
    void keepsAnUnknownAnswerAsText() {
        SqlOutput.Table t = SqlOutput.parse("something odd\nhappened\n", 10);
        assertEquals(List.of("output"), t.columns());
        assertEquals(List.of(List.of("something odd"), List.of("happened")), t.rows());
    }
}
