package org.coffeecontrol.remote.internal.recipe;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.coffeecontrol.remote.internal.transport.TestSshServer;

/**
 * The machine side of the WMF recipe commands, as the README documents them, for the test SSH server: a beverage
 * table that {@code wmf-service recipes list} prints and {@code wmf-service recipes set} changes.
 */
final class WmfRecipeMachine {

    static final String[] COLUMNS = { "coffee_g", "water_ml", "milk_ml", "temperature_c", "price" };

    final Map<String, String> products = new LinkedHashMap<>();
    final Map<String, Map<String, BigDecimal>> slots = new ConcurrentHashMap<>();
    /** When false the machine answers "saved" but keeps the old values (a faulty controller). */
    volatile boolean applies = true;

    WmfRecipeMachine() {
        slot("1", "Espresso", "9.0", "30", "0", "93", "105.00");
        slot("3", "Americano 200", "10.0", "200", "0", "93", "190.00");
        slot("4", "Cappuccino 200", "9.0", "80", "120", "93", "220.00");
    }

    private void slot(String id, String product, String... values) {
        products.put(id, product);
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            v.put(COLUMNS[i], new BigDecimal(values[i]));
        }
        slots.put(id, v);
    }

    TestSshServer.Answer answer(String line) {
        if (line.equals("wmf-service recipes list")) {
            StringBuilder sb = new StringBuilder("ID\tPRODUCT\tCOFFEE_G\tWATER_ML\tMILK_ML\tTEMPERATURE_C\tPRICE\n");
            for (String id : products.keySet()) {
                sb.append(id).append('\t').append(products.get(id));
                for (String c : COLUMNS) {
                    sb.append('\t').append(slots.get(id).get(c).toPlainString());
                }
                sb.append('\n');
            }
            return new TestSshServer.Answer(0, sb.append('(').append(products.size()).append(" rows)\n").toString());
        }
        if (line.startsWith("wmf-service recipes set ")) {
            String[] words = line.split(" ");
            Map<String, BigDecimal> slot = slots.get(words[3]);
            if (slot == null) {
                return new TestSshServer.Answer(1, "");
            }
            for (int i = 4; i < words.length && applies; i++) {
                String[] kv = words[i].split("=", 2);
                slot.put(kv[0], new BigDecimal(kv[1]));
            }
            return new TestSshServer.Answer(0, "recipe " + words[3] + " saved\n");
        }
        return new TestSshServer.Answer(127, "");
    }
}
