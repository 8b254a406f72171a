package org.coffeecontrol.remote.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.coffeecontrol.api.ValidationException;
import org.junit.jupiter.api.Test;

class SqlStatementTest {

    @Test
    void acceptsSingleDmlStatements() {
        assertEquals("SELECT * FROM recipes", SqlStatement.check("  SELECT * FROM recipes ;\n"));
        assertEquals("update recipes set price = 1 where product = 'a;b'",
                SqlStatement.check("update recipes set price = 1 where product = 'a;b'"));
        assertEquals("VALUES (1)", SqlStatement.check("VALUES (1)"));
    }

    @Test
    void refusesEverythingElseNamingTheField() {
        for (String bad : List.of("", "   ", "DROP TABLE recipes", "CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('/tmp')",
                "SELECT 1; DELETE FROM recipes", "select 1 from x where a = ';' ; drop table x",
                "SELECT 1\u0000", "CREATE TABLE t (a INT)", "x".repeat(4001))) {
            ValidationException e = assertThrows(ValidationException.class, () -> SqlStatement.check(bad), bad);
            assertEquals("sql", e.field());
        }
    }

    /** The exec line must reach the machine as exactly one word holding the statement, whatever it contains. */
    @Test
    void quotingSurvivesARealShell() throws Exception {
        for (String sql : List.of("SELECT * FROM recipes WHERE product = 'Espresso'",
                "SELECT '$(id)', \"`id`\", 'it''s' FROM x -- \\ \\' ; & | > <", "VALUES ('a\nb')")) {
            String line = SqlStatement.commandLine(sql);
            String words = line.substring("sql ".length());
            Process p = new ProcessBuilder("sh", "-c", "printf '%s|' " + words).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertEquals(sql + "|", out, "one word, unchanged");
        }
    }
}
