package org.coffeecontrol.ui.internal.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ECharts options for the REP-9 charts, built on the server as JSON. Every chart zooms (slider and mouse wheel,
 * plus the toolbox's box zoom) and saves itself as PNG through the toolbox.
 */
final class ChartOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of a machine chart: a sensor's readings in time order. */
    record Series(String name, String unit, List<Point> points) {
        Series {
            points = List.copyOf(points);
        }
    }

    record Point(Instant time, double value) {
    }

    private ChartOptions() {
    }

    /**
     * Drinks over time, one stacked bar per period and one colour per product.
     *
     * @param periods   x axis labels, in order
     * @param byProduct per product its count for each period (same length and order as {@code periods})
     */
    static String drinksStacked(String title, String fileName, List<String> periods, Map<String, long[]> byProduct) {
        ObjectNode o = base(title, fileName);
        o.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "category");
        periods.forEach(x.putArray("data")::add);
        o.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode series = o.putArray("series");
        byProduct.forEach((product, counts) -> {
            if (counts.length != periods.size()) {
                throw new IllegalArgumentException(product + ": " + counts.length + " counts for " + periods.size()
                        + " periods");
            }
            ObjectNode s = series.addObject();
            s.put("name", product).put("type", "bar").put("stack", "drinks");
            s.putObject("emphasis").put("focus", "series");
            ArrayNode data = s.putArray("data");
            for (long c : counts) {
                data.add(c);
            }
        });
        zoom(o);
        return o.toString();
    }

    /**
     * Sensor readings of one machine over time. Temperatures go on the left axis, everything else (levels in
     * percent, litres, ...) on the right, so that 90 °C and 15 % do not share one scale.
     */
    static String machineSeries(String title, String fileName, List<Series> lines) {
        ObjectNode o = base(title, fileName);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("xAxis").put("type", "time");
        ArrayNode y = o.putArray("yAxis");
        y.addObject().put("type", "value").put("name", "°C").put("scale", true);
        y.addObject().put("type", "value").put("name", otherUnits(lines)).put("scale", true);
        ArrayNode series = o.putArray("series");
        for (Series line : lines) {
            ObjectNode s = series.addObject();
            s.put("name", line.unit() == null || line.unit().isBlank() ? line.name()
                    : line.name() + ", " + line.unit());
            s.put("type", "line").put("showSymbol", false).put("yAxisIndex", isTemperature(line.unit()) ? 0 : 1);
            ArrayNode data = s.putArray("data");
            for (Point p : line.points()) {
                data.addArray().add(p.time().toEpochMilli()).add(p.value());
            }
        }
        zoom(o);
        return o.toString();
    }

    static boolean isTemperature(String unit) {
        if (unit == null) {
            return false;
        }
        String u = unit.trim().toUpperCase(java.util.Locale.ROOT);
        return u.equals("C") || u.equals("°C") || u.equals("CELSIUS") || u.equals("DEGC");
    }

    private static String otherUnits(List<Series> lines) {
        return String.join(", ", lines.stream().filter(l -> !isTemperature(l.unit())).map(Series::unit)
                .filter(u -> u != null && !u.isBlank()).distinct().toList());
    }

    private static ObjectNode base(String title, String fileName) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("title").put("text", title).put("left", "center");
        o.putObject("legend").put("type", "scroll").put("bottom", 0);
        o.putObject("grid").put("left", 56).put("right", 56).put("top", 56).put("bottom", 88);
        ObjectNode features = o.putObject("toolbox").put("right", 16).putObject("feature");
        features.putObject("dataZoom").put("yAxisIndex", "none");
        features.putObject("restore");
        features.putObject("saveAsImage").put("name", fileName).put("pixelRatio", 2);
        return o;
    }

    /** A slider under the chart and wheel/drag zoom inside it, both on the time axis. */
    private static void zoom(ObjectNode o) {
        ArrayNode dz = o.putArray("dataZoom");
        dz.addObject().put("type", "inside").put("xAxisIndex", 0);
        dz.addObject().put("type", "slider").put("xAxisIndex", 0).put("bottom", 28);
    }
}
