package org.coffeecontrol.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;
import org.junit.jupiter.api.Test;

class FleetFileTest {

    @Test
    void quotedCellsKeepSeparatorsQuotesAndLineBreaks() {
        List<Map<String, String>> rows = FleetFile.csv("\uFEFFClient,POS_Code,address\r\n"
                + "Volga,VP-1,\"Samara, \"\"Moskovskoe\"\" sh.\nkm 4\"\r\n\r\n   \nSib,SO-1\n");
        assertEquals(2, rows.size(), "blank lines are skipped");
        assertEquals("Samara, \"Moskovskoe\" sh.\nkm 4", rows.get(0).get("address"));
        assertEquals("VP-1", rows.get(0).get("pos_code"), "column names in any case");
        assertEquals(Map.of("client", "Sib", "pos_code", "SO-1"), rows.get(1), "missing trailing cells are absent");
    }

    @Test
    void aSemicolonHeaderMeansSemicolonSeparatedAndCommasStayInCells() {
        List<Map<String, String>> rows = FleetFile.csv("client;latitude\nVolga;53,2\n");
        assertEquals("53,2", rows.get(0).get("latitude"));
    }

    @Test
    void unreadableFilesNameTheRow() {
        ValidationException tooMany = assertThrows(ValidationException.class,
                () -> FleetFile.csv("client,pos_code\nA,B\nA,B,C\n"));
        assertEquals("row 2", tooMany.field());
        ValidationException open = assertThrows(ValidationException.class,
                () -> FleetFile.csv("client\n\"never closed\n"));
        assertEquals("row 1", open.field());
        assertThrows(ValidationException.class, () -> FleetFile.csv(""));
    }

    @Test
    void openingHourItemsExpandRangesAndLaterItemsWin() {
        Map<String, String> hours = OpeningHours.fromItems(List.of("ALL=07:00-23:00", "SAT-SUN=closed"), "h");
        assertEquals("07:00-23:00", hours.get("FRI"));
        assertEquals("closed", hours.get("SUN"));
        ValidationException backwards = assertThrows(ValidationException.class,
                () -> OpeningHours.fromItems(List.of("FRI-MON=closed"), "opening_hours"));
        assertEquals("opening_hours", backwards.field());
    }
}
