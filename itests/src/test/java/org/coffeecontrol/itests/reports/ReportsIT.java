package org.coffeecontrol.itests.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.Shell;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports on the real distribution: a simulated shop's day goes in over the machines' own wire formats, and the
 * drinks report (REST, synchronous and as a job, xlsx download, shell) gives exactly the drinks the generator made.
 */
class ReportsIT {

    static final Instant T0 = Instant.parse("2025-06-02T00:00:00Z");
    static Distribution dist;
    static Rest admin;
    static long posId;
    static Map<String, Long> expected = new TreeMap<>();
    static long total;
    static String posCode;

    @BeforeAll
    static void feed() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        TestFleet fleet = TestFleet.register(dist.restBase(), 7071, 3, 1);
        posCode = fleet.machines().get(0).posCode();
        posId = admin.get("/api/pos?q=" + posCode).expect(200).json().path("items").get(0).path("id").asLong();
        for (MachineSpec m : fleet.machines()) {
            List<MachineEvent> events = fleet.generator(m, T0).advanceTo(T0.plus(Duration.ofDays(1)));
            for (int i = 0; i < events.size(); i += 500) {
                UploadResult r = fleet.upload(m, events.subList(i, Math.min(events.size(), i + 500)));
                assertInstanceOf(UploadResult.Stored.class, r, m.serial() + ": " + r);
            }
            for (MachineEvent e : events) {
                if (e instanceof MachineEvent.DrinkMade d) {
                    expected.merge(d.product(), 1L, Long::sum);
                    total++;
                }
            }
        }
        assertTrue(total > 50, "a day of a shop sells something: " + total);
    }

    /** Wide enough around the uploaded day that the reports' time zone does not matter. */
    static Map<String, Object> request() {
        LocalDate day = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        return Map.of("from", day.minusDays(1).toString(), "to", day.plusDays(1).toString(),
                "filter", Map.of("posIds", List.of(posId)), "groupings", List.of("PRODUCT"));
    }

    static Map<String, Long> byProduct(JsonNode result) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode row : result.path("rows")) {
            out.put(row.path("cells").get(0).asText(), row.path("cells").get(1).asLong());
        }
        return out;
    }

    @Test
    void drinksReportCountsWhatTheMachinesSent() throws Exception {
        // the rollups follow the ingest on their own thread: give them a moment
        JsonNode result = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            result = admin.post("/api/reports/drinks/run", request()).expect(200).json();
            if (result.path("totals").get(1).asLong() == total) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(expected, byProduct(result));
        assertEquals(total, result.path("totals").get(1).asLong());

        Rest.Response submitted = admin.post("/api/reports/drinks/jobs", request()).expect(202);
        String job = submitted.json().path("id").asText();
        String state = "";
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !state.equals("DONE")) {
            state = admin.get("/api/reports/jobs/" + job).expect(200).json().path("state").asText();
            Thread.sleep(200);
        }
        assertEquals("DONE", state);
        assertEquals(expected, byProduct(admin.get("/api/reports/jobs/" + job + "/result").expect(200).json()));

        HttpResponse<byte[]> xlsx = TestFleet.HTTP.send(HttpRequest.newBuilder(
                URI.create(dist.restBase() + "/api/reports/jobs/" + job + "/export?format=xlsx"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Distribution.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Long> fromXlsx = new TreeMap<>();
            for (int r = 1; r < sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertEquals(CellType.NUMERIC, row.getCell(1).getCellType());
                fromXlsx.put(row.getCell(0).getStringCellValue(), (long) row.getCell(1).getNumericCellValue());
            }
            assertEquals(expected, fromXlsx);
            assertEquals(total, (long) sheet.getRow(sheet.getLastRowNum()).getCell(1).getNumericCellValue());
        }

        admin.post("/api/reports/drinks/run", Map.of("from", "2025-06-02", "to", "2025-06-01")).expect(400);
        admin.get("/api/reports/no-such-report").expect(404);
    }

    @Test
    void theShellPrintsTheSameTotal() throws Exception {
        LocalDate day = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:report drinks --from " + day.minusDays(1)
                    + " --to " + day.plusDays(1) + " --pos " + posCode + " --group product").out();
            if (out.contains("Total") && out.replaceAll("\\s+", " ").matches("(?s).*Total \\S* ?" + total + ".*")) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(out.contains("Americano 200"), out);
        assertTrue(out.replaceAll("\\s+", " ").matches("(?s).*Total \\S* ?" + total + ".*"), out);
        assertTrue(Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:reports").out().contains("cleaning"));
    }
}
