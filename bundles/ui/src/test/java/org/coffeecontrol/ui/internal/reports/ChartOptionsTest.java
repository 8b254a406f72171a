package org.coffeecontrol.ui.internal.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coffeecontrol.ui.internal.reports.ChartOptions.Point;
import org.coffeecontrol.ui.internal.reports.ChartOptions.Series;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void drinksAreStackedBarsPerProductOverThePeriods() throws Exception {
        Map<String, long[]> byProduct = new LinkedHashMap<>();
        byProduct.put("Americano 200", new long[] { 20, 3 });
        byProduct.put("Espresso", new long[] { 3, 0 });
        JsonNode o = JSON.readTree(ChartOptions.drinksStacked("Drinks", "drinks", List.of("2026-01-01", "2026-01-02"),
                byProduct));

        assertEquals(List.of("2026-01-01", "2026-01-02"), texts(o.path("xAxis").path("data")));
        JsonNode series = o.path("series");
        assertEquals(2, series.size());
        assertEquals("Americano 200", series.get(0).path("name").asText());
        assertEquals("drinks", series.get(0).path("stack").asText());
        assertEquals("drinks", series.get(1).path("stack").asText());
        assertEquals(20, series.get(0).path("data").get(0).asLong());
        assertEquals(0, series.get(1).path("data").get(1).asLong());
        assertZoomableAndExportable(o, "drinks");
    }

    @Test
    void aProductWithoutACountForEveryPeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChartOptions.drinksStacked("t", "f", List.of("a", "b"),
                Map.of("Espresso", new long[] { 1 })));
    }

    @Test
    void temperaturesAndLevelsGetTheirOwnAxes() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        Series boiler = new Series("boiler_temp", "°C", List.of(new Point(t0, 92.5), new Point(t0.plusSeconds(600), 93)));
        Series milk = new Series("milk_level", "%", List.of(new Point(t0, 40)));
        JsonNode o = JSON.readTree(ChartOptions.machineSeries("WMF 1", "wmf-1", List.of(boiler, milk)));

        assertEquals("time", o.path("xAxis").path("type").asText());
        assertEquals(2, o.path("yAxis").size());
        assertEquals("%", o.path("yAxis").get(1).path("name").asText());
        JsonNode s = o.path("series");
        assertEquals(0, s.get(0).path("yAxisIndex").asInt());
        assertEquals(1, s.get(1).path("yAxisIndex").asInt());
        assertEquals("boiler_temp, °C", s.get(0).path("name").asText());
        JsonNode first = s.get(0).path("data").get(0);
        assertEquals(t0.toEpochMilli(), first.get(0).asLong());
        assertEquals(92.5, first.get(1).asDouble());
        assertEquals(2, s.get(0).path("data").size());
        assertZoomableAndExportable(o, "wmf-1");
    }

    @Test
    void temperatureUnitsAreRecognisedWhateverTheSpelling() {
        for (String u : new String[] { "C", "°C", "degC", " celsius " }) {
            assertTrue(ChartOptions.isTemperature(u), u);
        }
        for (String u : new String[] { "%", "l", "", null }) {
            assertTrue(!ChartOptions.isTemperature(u), String.valueOf(u));
        }
    }

    private static void assertZoomableAndExportable(JsonNode o, String fileName) {
        JsonNode features = o.path("toolbox").path("feature");
        assertEquals(fileName, features.path("saveAsImage").path("name").asText());
        assertTrue(features.has("dataZoom"));
        List<String> zoomTypes = new java.util.ArrayList<>();
        o.path("dataZoom").forEach(z -> zoomTypes.add(z.path("type").asText()));
        assertEquals(List.of("inside", "slider"), zoomTypes);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
