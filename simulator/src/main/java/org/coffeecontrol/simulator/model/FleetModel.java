package org.coffeecontrol.simulator.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A reproducible fleet: clients, regions (real cities), points of sale and machines derived from a
 * {@link FleetSpec}. Every item draws from its own random stream keyed by seed and index, so growing the fleet
 * keeps the existing items unchanged and the same spec always yields the same fleet.
 */
public final class FleetModel {

    private static final String[] CLIENT_NAMES = { "Volga Petrol", "North Fuel", "Ural Energy", "Sibir Oil",
            "Baltic Stations", "Don Fuel", "Kama Petroleum", "Taiga Road" };

    /** City, latitude, longitude, time zone, relative weight (size). */
    private static final Object[][] CITIES = {
            { "Moscow", 55.7558, 37.6173, "Europe/Moscow", 10 },
            { "Saint Petersburg", 59.9343, 30.3351, "Europe/Moscow", 6 },
            { "Kazan", 55.7963, 49.1088, "Europe/Moscow", 3 },
            { "Nizhny Novgorod", 56.2965, 43.9361, "Europe/Moscow", 3 },
            { "Yekaterinburg", 56.8389, 60.6057, "Asia/Yekaterinburg", 3 },
            { "Novosibirsk", 55.0084, 82.9357, "Asia/Novosibirsk", 3 },
            { "Samara", 53.1959, 50.1002, "Europe/Samara", 2 },
            { "Rostov-on-Don", 47.2357, 39.7015, "Europe/Moscow", 2 },
            { "Krasnodar", 45.0355, 38.9753, "Europe/Moscow", 2 },
            { "Voronezh", 51.6755, 39.2089, "Europe/Moscow", 2 },
            { "Tver", 56.8587, 35.9176, "Europe/Moscow", 1 },
            { "Yaroslavl", 57.6261, 39.8845, "Europe/Moscow", 1 } };

    private static final String[] STREETS = { "Leningradskoe sh.", "Moskovsky pr.", "Lenina ul.", "Mira pr.",
            "Sadovaya ul.", "Koltsevaya ul.", "Novaya ul.", "Oktyabrsky pr.", "Gagarina ul.", "Promyshlennaya ul." };

    private final FleetSpec spec;
    private final double trafficScale;
    private final List<ClientSpec> clients;
    private final List<RegionSpec> regions;
    private final List<PosSpec> pointsOfSale;
    private final List<MachineSpec> machines;
    private final Map<String, PosSpec> posByCode = new LinkedHashMap<>();
    private final Map<String, MachineSpec> machineBySerial = new LinkedHashMap<>();

    private FleetModel(FleetSpec spec, double trafficScale) {
        this.spec = spec;
        this.trafficScale = trafficScale;
        this.regions = buildRegions();
        this.clients = buildClients();
        this.pointsOfSale = buildPointsOfSale();
        pointsOfSale.forEach(p -> posByCode.put(p.code(), p));
        this.machines = buildMachines();
        machines.forEach(m -> machineBySerial.put(m.serial(), m));
    }

    public static FleetModel generate(FleetSpec spec) {
        return new FleetModel(spec, 1.0);
    }

    /**
     * The same fleet with every point of sale {@code trafficScale} times as busy (drinks per hour; consumables
     * run out and are refilled accordingly). Benchmarks use it for a year of a busier fleet than the demo's
     * ~63 drinks per machine and day; the random streams are unchanged, so scale 1.0 is {@link #generate(FleetSpec)}.
     */
    public static FleetModel generate(FleetSpec spec, double trafficScale) {
        if (!(trafficScale > 0) || Double.isInfinite(trafficScale)) {
            throw new IllegalArgumentException("trafficScale must be a positive number: " + trafficScale);
        }
        return new FleetModel(spec, trafficScale);
    }

    public FleetSpec spec() {
        return spec;
    }

    public List<ClientSpec> clients() {
        return clients;
    }

    /** The regions that at least one point of sale uses. */
    public List<RegionSpec> regions() {
        return regions.stream().filter(r -> pointsOfSale.stream().anyMatch(p -> p.region().equals(r))).toList();
    }

    public List<PosSpec> pointsOfSale() {
        return pointsOfSale;
    }

    public List<MachineSpec> machines() {
        return machines;
    }

    public Optional<MachineSpec> machine(String serial) {
        return Optional.ofNullable(machineBySerial.get(serial));
    }

    public PosSpec pos(String code) {
        PosSpec p = posByCode.get(code);
        if (p == null) {
            throw new IllegalArgumentException("no point of sale " + code);
        }
        return p;
    }

    public PosSpec posOf(MachineSpec machine) {
        return pos(machine.posCode());
    }

    public FamilyProfile profileOf(MachineSpec machine) {
        return FamilyProfile.of(machine.family()).orElseThrow();
    }

    /** The generator of one machine's events, starting at {@code from}. */
    public EventGenerator generator(String serial, Instant from) {
        MachineSpec m = machine(serial).orElseThrow(() -> new IllegalArgumentException("no machine " + serial));
        return new EventGenerator(m, posOf(m), profileOf(m), Secrets.streamSeed(spec.seed(), "events:" + serial),
                from);
    }

    private SplittableRandom random(String label, int index) {
        return new SplittableRandom(Secrets.streamSeed(spec.seed(), label + ":" + index));
    }

    private static List<RegionSpec> buildRegions() {
        List<RegionSpec> out = new ArrayList<>();
        for (Object[] c : CITIES) {
            String name = (String) c[0];
            String code = "R-" + name.replaceAll("[^A-Za-z]", "").substring(0, 3).toUpperCase(java.util.Locale.ROOT);
            out.add(new RegionSpec(code, name, (double) c[1], (double) c[2], ZoneId.of((String) c[3])));
        }
        return List.copyOf(out);
    }

    private List<ClientSpec> buildClients() {
        List<ClientSpec> out = new ArrayList<>();
        for (int i = 0; i < spec.clients(); i++) {
            String base = CLIENT_NAMES[i % CLIENT_NAMES.length];
            String plain = i < CLIENT_NAMES.length ? base : base + " " + (i / CLIENT_NAMES.length + 1);
            // Client names are unique in the catalogue, so a prefixed fleet's clients carry the prefix too.
            String name = spec.codePrefix().isEmpty() ? plain : spec.codePrefix().replaceAll("-+$", "") + " " + plain;
            String code = spec.codePrefix() + String.format("CL%02d", i + 1);
            String domain = plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
            out.add(new ClientSpec(code, name, "coffee@" + domain + ".example",
                    String.format("+7 495 %03d-%02d-%02d", 100 + i, 10 + i % 90, 20 + i % 80)));
        }
        return List.copyOf(out);
    }

    private List<PosSpec> buildPointsOfSale() {
        int totalWeight = 0;
        for (Object[] c : CITIES) {
            totalWeight += (int) c[4];
        }
        List<PosSpec> out = new ArrayList<>();
        for (int i = 0; i < spec.pointsOfSale(); i++) {
            SplittableRandom r = random("pos", i);
            // The first points of sale go one per client so that every client has at least one.
            ClientSpec client = i < clients.size() ? clients.get(i) : clients.get(r.nextInt(clients.size()));
            RegionSpec region = pickCity(r, totalWeight);
            String code = spec.codePrefix() + String.format("POS-%04d", i + 1);
            double lat = region.latitude() + (r.nextDouble() - 0.5) * 0.18;
            double lon = region.longitude() + (r.nextDouble() - 0.5) * 0.3;
            String address = (1 + r.nextInt(150)) + " " + STREETS[r.nextInt(STREETS.length)] + ", " + region.name();
            double shape = r.nextDouble();
            Map<String, String> hours = new LinkedHashMap<>();
            String cleaning;
            if (shape < 0.55) {
                // Fuel stations on highways: open around the clock, rinsed at shift change.
                OPEN_DAYS.forEach(d -> hours.put(d, "00:00-24:00"));
                cleaning = "06:00,18:00";
            } else if (shape < 0.85) {
                OPEN_DAYS.forEach(d -> hours.put(d, "07:00-23:00"));
                cleaning = "06:30,22:30";
            } else {
                OPEN_DAYS.subList(0, 5).forEach(d -> hours.put(d, "07:00-22:00"));
                hours.put("SAT", "08:00-22:00");
                hours.put("SUN", "09:00-21:00");
                cleaning = "06:30,22:15";
            }
            double traffic = (0.5 + r.nextDouble() * 1.5) * trafficScale;
            String name = client.name() + " #" + (i + 1) + " " + region.name();
            String pkg = r.nextDouble() < 0.3 ? "Premium" : "Standard";
            String sla = new String[] { "A", "B", "C" }[r.nextInt(3)];
            out.add(new PosSpec(code, name, client.code(), region, address, round(lat), round(lon), hours, cleaning,
                    pkg, sla, traffic));
        }
        return List.copyOf(out);
    }

    private static final List<String> OPEN_DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private RegionSpec pickCity(SplittableRandom r, int totalWeight) {
        int x = r.nextInt(totalWeight);
        for (int i = 0; i < CITIES.length; i++) {
            x -= (int) CITIES[i][4];
            if (x < 0) {
                return regions.get(i);
            }
        }
        return regions.get(0);
    }

    private List<MachineSpec> buildMachines() {
        String seedTag = String.format("%03d", Math.floorMod(spec.seed() * 7919, 1000));
        List<MachineSpec> out = new ArrayList<>();
        for (int i = 0; i < spec.machines(); i++) {
            SplittableRandom r = random("machine", i);
            PosSpec pos = i < pointsOfSale.size() ? pointsOfSale.get(i)
                    : pointsOfSale.get(r.nextInt(pointsOfSale.size()));
            double f = r.nextDouble();
            FamilyProfile profile = FamilyProfile.all().get(f < 0.45 ? 0 : f < 0.7 ? 1 : 2);
            String model = profile.models().get(r.nextInt(profile.models().size()));
            String serial = profile.serialPrefix() + seedTag + String.format("%05d", i + 1);
            Map<String, String> firmware = new LinkedHashMap<>(profile.firmware());
            out.add(new MachineSpec(serial, profile.family(), model, pos.code(), String.format("INV-%05d", i + 1),
                    firmware, r.nextDouble() < 0.6));
        }
        return List.copyOf(out);
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
