package org.coffeecontrol.simulator.ssh;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.simulator.model.FamilyProfile;

/**
 * The machine side of each family's recipe commands: how a machine prints its recipe table and which names its
 * "set" command takes. Written independently of the drivers (the simulator does not use their code) so that the
 * driver tests against the simulator check the documented formats, not a shared implementation.
 */
final class RecipeWire {

    /** A recipe row of the machine's database. */
    record Row(int id, String product, BigDecimal coffeeG, int waterMl, int milkMl, int temperatureC,
            BigDecimal price) {
    }

    /** Database column, decimals it keeps, and each family's name for it. */
    private record Column(String column, int decimals, String wmf, String thermoplan, String drcoffee) {
        String name(String family) {
            return switch (family) {
                case FamilyProfile.WMF -> wmf;
                case FamilyProfile.THERMOPLAN -> thermoplan;
                default -> drcoffee;
            };
        }
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("COFFEE_G", 1, "coffee_g", "powder", "COFFEE"),
            new Column("WATER_ML", 0, "water_ml", "water", "WATER"),
            new Column("MILK_ML", 0, "milk_ml", "milk", "MILK"),
            new Column("TEMPERATURE_C", 0, "temperature_c", "temp", "TEMP"),
            new Column("PRICE", 2, "price", "price_cents", "PRICE"));

    private RecipeWire() {
    }

    static String render(String family, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        switch (family) {
            case FamilyProfile.WMF -> {
                sb.append("ID\tPRODUCT\tCOFFEE_G\tWATER_ML\tMILK_ML\tTEMPERATURE_C\tPRICE\n");
                for (Row r : rows) {
                    sb.append(r.id()).append('\t').append(r.product()).append('\t').append(r.coffeeG()).append('\t')
                            .append(r.waterMl()).append('\t').append(r.milkMl()).append('\t')
                            .append(r.temperatureC()).append('\t').append(r.price()).append('\n');
                }
                sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)\n" : " rows)\n");
            }
            case FamilyProfile.THERMOPLAN -> {
                for (Row r : rows) {
                    String p = "beverage." + r.id() + ".";
                    sb.append(p).append("name=").append(r.product()).append('\n')
                            .append(p).append("powder=").append(r.coffeeG()).append('\n')
                            .append(p).append("water=").append(r.waterMl()).append('\n')
                            .append(p).append("milk=").append(r.milkMl()).append('\n')
                            .append(p).append("temp=").append(r.temperatureC()).append('\n')
                            .append(p).append("price_cents=").append(r.price().movePointRight(2).intValueExact())
                            .append('\n');
                }
            }
            default -> {
                for (Row r : rows) {
                    sb.append("RCP;").append(r.id()).append(';').append(r.product()).append(';').append(r.coffeeG())
                            .append(';').append(r.waterMl()).append(';').append(r.milkMl()).append(';')
                            .append(r.temperatureC()).append(';').append(r.price()).append('\n');
                }
                sb.append("END;").append(rows.size()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The assignments of a "set" command ({@code name=value} words) as database columns and values.
     *
     * @throws IllegalArgumentException naming the word the machine does not accept
     */
    static Map<String, BigDecimal> assignments(String family, List<String> words) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String word : words) {
            String[] kv = word.split("=", 2);
            Column column = COLUMNS.stream().filter(c -> c.name(family).equals(kv[0])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown recipe value " + kv[0]));
            BigDecimal v = new BigDecimal(kv[1]);
            boolean cents = family.equals(FamilyProfile.THERMOPLAN) && column.column().equals("PRICE");
            if (cents) {
                if (v.stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException("price_cents must be whole cents");
                }
                v = v.movePointLeft(2);
            }
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > column.decimals()) {
                throw new IllegalArgumentException(kv[0] + " out of range: " + kv[1]);
            }
            if (out.put(column.column(), v) != null) {
                throw new IllegalArgumentException(kv[0] + " given twice");
            }
        }
        return out;
    }
}
