package org.coffeecontrol.reports.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.junit.jupiter.api.Test;

/** Exports read back: the xlsx with POI's full reader, the csv as text. */
class ExportTest {

    static final LocalDate DAY = LocalDate.of(2026, 2, 12);

    static ReportResult sample() {
        List<Column> columns = List.of(Column.fixed("location", "Point of sale", ColumnType.TEXT),
                Column.fixed("period", "Period", ColumnType.DATE),
                Column.fixed("drinks", "Drinks", ColumnType.INTEGER),
                Column.fixed("share", "Share %", ColumnType.PERCENT),
                Column.fixed("since", "Since", ColumnType.DATETIME),
                Column.data(DAY.toString(), DAY.toString(), ColumnType.STATE));
        Instant since = Instant.parse("2026-02-12T06:30:00Z");
        List<ReportRow> rows = List.of(
                new ReportRow(ReportRow.Kind.DETAIL, 2, Arrays.asList("Station, \"12\"", DAY, 58L, 50.0, since, "NOT_CLEANED")),
                new ReportRow(ReportRow.Kind.SUBTOTAL, 0, Arrays.asList("Station, \"12\"", null, 58L, null, null, null)));
        return new ReportResult("drinks", "Drinks sold", ReportRequest.of("drinks", DAY, DAY, null), columns, rows,
                Arrays.asList("Total", null, 58L, 50.0, null, null), null, null, "UTC", Instant.now());
    }

    @Test
    void xlsxHasATypedFrozenHeaderTypedCellsAndTotals() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XlsxExport.write(sample(), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet sheet = wb.getSheet("Drinks sold");
            assertNotNull(sheet);
            assertNotNull(sheet.getPaneInformation());
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            Row header = sheet.getRow(0);
            assertEquals("Drinks", header.getCell(2).getStringCellValue());
            assertTrue(wb.getFontAt(header.getCell(2).getCellStyle().getFontIndex()).getBold());
            Row detail = sheet.getRow(1);
            assertEquals("Station, \"12\"", detail.getCell(0).getStringCellValue());
            Cell day = detail.getCell(1);
            assertEquals(CellType.NUMERIC, day.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(day));
            assertEquals(DAY.atStartOfDay(), day.getLocalDateTimeCellValue());
            assertEquals(CellType.NUMERIC, detail.getCell(2).getCellType());
            assertEquals(58.0, detail.getCell(2).getNumericCellValue());
            assertEquals(0.5, detail.getCell(3).getNumericCellValue(), 1e-12, "percent stored as a fraction");
            assertEquals("0.0%", detail.getCell(3).getCellStyle().getDataFormatString());
            assertEquals(LocalDateTime.of(2026, 2, 12, 6, 30), detail.getCell(4).getLocalDateTimeCellValue());
            assertEquals("NOT_CLEANED", detail.getCell(5).getStringCellValue());
            assertFalse(detail.getCell(5).getCellStyle().getFillForegroundColorColor() == null, "states are coloured");
            Row subtotal = sheet.getRow(2);
            assertTrue(wb.getFontAt(subtotal.getCell(2).getCellStyle().getFontIndex()).getBold());
            Row totals = sheet.getRow(3);
            assertEquals("Total", totals.getCell(0).getStringCellValue());
            assertEquals(58.0, totals.getCell(2).getNumericCellValue());
            assertEquals(3, sheet.getLastRowNum());
        }
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndKeepsIsoValues() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvExport.write(sample(), bytes);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals("Point of sale,Period,Drinks,Share %,Since,2026-02-12", lines[0]);
        assertEquals("\"Station, \"\"12\"\"\",2026-02-12,58,50,2026-02-12 06:30:00,NOT_CLEANED", lines[1]);
        assertEquals("Total,,58,50,,", lines[3]);
        assertEquals(4, lines.length);
    }
}
