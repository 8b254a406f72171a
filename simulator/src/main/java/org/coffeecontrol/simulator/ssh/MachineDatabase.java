package org.coffeecontrol.simulator.ssh;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.simulator.model.FamilyProfile;
import org.coffeecontrol.simulator.model.Product;

/**
 * A machine's local database (in-memory Derby): its recipes and its drinks log. Created on the first SSH use of
 * a machine and fed with every drink from then on. Remote SQL may only run single SELECT, VALUES, INSERT, UPDATE or
 * DELETE statements: no DDL, no CALL of Derby's system procedures that touch the simulator's file system.
 */
final class MachineDatabase implements AutoCloseable {

    private static final Set<String> ALLOWED = Set.of("SELECT", "VALUES", "INSERT", "UPDATE", "DELETE");
    private static final int MAX_ROWS = 1000;

    private final String url;
    private final Connection connection;
    private final PreparedStatement insertDrink;

    private MachineDatabase(String url, Connection connection) throws SQLException {
        this.url = url;
        this.connection = connection;
        this.insertDrink = connection.prepareStatement(
                "INSERT INTO drinks (seq, made_at, product, size_ml) VALUES (?, ?, ?, ?)");
    }

    static MachineDatabase create(String serial, FamilyProfile profile, List<MachineEvent.DrinkMade> history)
            throws SQLException {
        String url = "jdbc:derby:memory:machine_" + serial.replaceAll("[^A-Za-z0-9]", "_");
        Connection c = DriverManager.getConnection(url + ";create=true");
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE recipes (id INT PRIMARY KEY, product VARCHAR(40) NOT NULL,"
                    + " coffee_g DECIMAL(4,1) NOT NULL, water_ml INT NOT NULL, milk_ml INT NOT NULL,"
                    + " temperature_c INT NOT NULL, price DECIMAL(7,2) NOT NULL)");
            s.executeUpdate("CREATE TABLE drinks (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " seq BIGINT NOT NULL, made_at TIMESTAMP NOT NULL, product VARCHAR(40) NOT NULL, size_ml INT)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO recipes VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int id = 1;
            for (Product product : profile.products()) {
                p.setInt(1, id++);
                p.setString(2, product.name());
                p.setBigDecimal(3, java.math.BigDecimal.valueOf(product.beansG()).setScale(1));
                p.setInt(4, Math.max(0, product.sizeMl() - product.milkMl()));
                p.setInt(5, product.milkMl());
                p.setInt(6, product.name().startsWith("Chocolate") ? 85 : (int) profile.boilerSetpoint());
                p.setBigDecimal(7, java.math.BigDecimal.valueOf(90 + product.sizeMl() / 2 + product.milkMl() / 4)
                        .setScale(2));
                p.executeUpdate();
            }
        }
        MachineDatabase db = new MachineDatabase(url, c);
        for (int i = history.size() - 1; i >= 0; i--) {
            db.recordDrink(history.get(i));
        }
        return db;
    }

    synchronized void recordDrink(MachineEvent.DrinkMade d) {
        try {
            insertDrink.setLong(1, d.seq());
            insertDrink.setTimestamp(2, Timestamp.from(d.time()));
            insertDrink.setString(3, d.product());
            if (d.sizeMl() == null) {
                insertDrink.setNull(4, java.sql.Types.INTEGER);
            } else {
                insertDrink.setInt(4, d.sizeMl());
            }
            insertDrink.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("drinks log of " + url + " failed", e);
        }
    }

    synchronized List<RecipeWire.Row> recipes() throws SQLException {
        List<RecipeWire.Row> out = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM recipes ORDER BY id")) {
            while (rs.next()) {
                out.add(new RecipeWire.Row(rs.getInt("ID"), rs.getString("PRODUCT"), rs.getBigDecimal("COFFEE_G"),
                        rs.getInt("WATER_ML"), rs.getInt("MILK_ML"), rs.getInt("TEMPERATURE_C"),
                        rs.getBigDecimal("PRICE")));
            }
        }
        return out;
    }

    /** Sets the given columns (names from {@link RecipeWire}, never from the wire) of one slot; false if none. */
    synchronized boolean updateRecipe(int id, java.util.Map<String, java.math.BigDecimal> values) throws SQLException {
        String set = values.keySet().stream().map(c -> c + " = ?").collect(java.util.stream.Collectors.joining(", "));
        try (PreparedStatement p = connection.prepareStatement("UPDATE recipes SET " + set + " WHERE id = ?")) {
            int i = 1;
            for (java.math.BigDecimal v : values.values()) {
                p.setBigDecimal(i++, v);
            }
            p.setInt(i, id);
            return p.executeUpdate() == 1;
        }
    }

    /**
     * Runs one statement and renders the result as tab-separated text: a header and rows for queries, a count
     * for updates.
     *
     * @throws SQLException for statements Derby refuses
     * @throws IllegalArgumentException for statements remote SQL may not run
     */
    synchronized String execute(String sql) throws SQLException {
        String stmt = sql.strip();
        if (stmt.endsWith(";")) {
            stmt = stmt.substring(0, stmt.length() - 1).strip();
        }
        String first = stmt.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (!ALLOWED.contains(first)) {
            throw new IllegalArgumentException("only SELECT, VALUES, INSERT, UPDATE and DELETE are allowed");
        }
        if (stmt.contains(";")) {
            throw new IllegalArgumentException("one statement at a time");
        }
        try (Statement s = connection.createStatement()) {
            s.setMaxRows(MAX_ROWS);
            if (!s.execute(stmt)) {
                return s.getUpdateCount() + " rows affected\n";
            }
            try (ResultSet rs = s.getResultSet()) {
                return render(rs);
            }
        }
    }

    private static String render(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            sb.append(i > 1 ? "\t" : "").append(md.getColumnLabel(i));
        }
        sb.append('\n');
        int rows = 0;
        while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                sb.append(i > 1 ? "\t" : "").append(v == null ? "NULL" : v.toString());
            }
            sb.append('\n');
            rows++;
        }
        sb.append('(').append(rows).append(rows == 1 ? " row)\n" : " rows)\n");
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        try {
            insertDrink.close();
            connection.close();
            DriverManager.getConnection(url + ";drop=true");
        } catch (SQLException e) {
            // Derby reports a successful drop as SQLState 08006; anything else leaves only memory behind.
        }
    }
}
