package org.coffeecontrol.simulator.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Sensors;
import org.coffeecontrol.api.driver.Severity;

/**
 * Plays one machine: turns the passing of simulated time into canonical {@link MachineEvent}s. Time advances in
 * fixed {@link #STEP}s aligned to the epoch and every decision draws from the machine's own random stream, so the
 * events of a period depend only on the fleet seed, the machine and the start, not on how often or from which
 * thread {@link #advanceTo} is called. Remote commands (reboot, PIN, ...) are the only outside influence.
 * <p>
 * Sequence numbers are {@code (step start epoch seconds / 10) * 1000 + index within the step}: strictly increasing,
 * and a simulator restarted later never reuses an earlier number, while replaying the same period yields the same
 * numbers (which the platform deduplicates). Not thread-safe: the owner serialises access.
 */
public final class EventGenerator {

    public static final Duration STEP = Duration.ofSeconds(10);
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(60);
    public static final Duration SENSOR_INTERVAL = Duration.ofMinutes(10);
    public static final Duration COUNTER_INTERVAL = Duration.ofHours(6);
    private static final long SEQ_PER_STEP = 1000;
    private static final int MAX_DRINKS_PER_STEP = 20;
    /** Average drinks per hour of one machine at a shop of traffic 1.0 in an ordinary hour. */
    private static final double BASE_DRINKS_PER_HOUR = 2.2;
    private static final double STEP_SECONDS = STEP.getSeconds();
    private static final double LINK_DROPS_PER_DAY = 0.6;
    private static final double AD_HOC_CLEANINGS_PER_DAY = 0.3;
    private static final int RECENT_DRINKS = 500;

    private final MachineSpec machine;
    private final FamilyProfile profile;
    private final OpeningHours hours;
    private final List<LocalTime> cleaningTimes;
    private final ZoneId zone;
    private final double traffic;
    private final SplittableRandom rnd;
    private Instant cursor;
    private boolean started;

    private double beans;
    private double milk;
    private double waste;
    private double water;
    private double drift;
    private long totalDrinks;
    private double descalingLiters;
    private final int descalingSet = 500;
    private boolean descalingDue;
    /** Active errors and when they clear by themselves; null = when the consumable is refilled. */
    private final Map<String, Instant> activeErrors = new LinkedHashMap<>();
    private Instant linkDownUntil = Instant.MIN;
    private Instant pendingCleaning;
    private Instant cleaningStart;
    private Instant cleaningEnd;
    private String cleaningProgram;
    private boolean cleaningCompletes;

    private boolean pinLocked;
    private boolean notServiced;
    private Duration rebootRequested;
    private Instant poweredOffUntil;
    private final List<String[]> pendingNotices = new ArrayList<>();
    /** Injected errors to raise (true) or clear (false) at the next step, in request order. */
    private final Map<String, Boolean> pendingInjections = new LinkedHashMap<>();
    private final Deque<MachineEvent.DrinkMade> recentDrinks = new ArrayDeque<>();
    private Consumer<MachineEvent.DrinkMade> drinkListener = d -> { };

    private final Deque<MachineEvent> buffered = new ArrayDeque<>();
    private long stepBase;
    private int stepIndex;

    EventGenerator(MachineSpec machine, PosSpec pos, FamilyProfile profile, long seed, Instant from) {
        this.machine = machine;
        this.profile = profile;
        this.hours = pos.hours();
        this.cleaningTimes = OpeningHours.parseTimes(pos.cleaningTimes(), "cleaningTimes");
        this.zone = pos.region().zone();
        this.traffic = pos.traffic();
        this.rnd = new SplittableRandom(seed);
        this.cursor = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), STEP.getSeconds()) * STEP.getSeconds());
        beans = 40 + rnd.nextDouble() * 60;
        milk = 40 + rnd.nextDouble() * 60;
        waste = rnd.nextDouble() * 50;
        water = 50 + rnd.nextDouble() * 50;
        totalDrinks = 5_000 + rnd.nextInt(80_000);
        descalingLiters = rnd.nextDouble() * descalingSet * 0.9;
    }

    public MachineSpec machine() {
        return machine;
    }

    public FamilyProfile profile() {
        return profile;
    }

    /** Start of the next step to play. */
    public Instant cursor() {
        return cursor;
    }

    /** Plays every whole step that ends at or before {@code until} and returns their events in sequence order. */
    public List<MachineEvent> advanceTo(Instant until) {
        while (!cursor.plus(STEP).isAfter(until)) {
            step();
        }
        List<MachineEvent> out = new ArrayList<>(buffered);
        buffered.clear();
        return out;
    }

    /** Exactly {@code n} further events, playing as many steps as needed (for benchmarks and tests). */
    public List<MachineEvent> next(int n) {
        while (buffered.size() < n) {
            step();
        }
        List<MachineEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(buffered.poll());
        }
        return out;
    }

    /** Whether the daemon can reach the platform at {@code t}; connectivity drops are part of the model. */
    public boolean linkUp(Instant t) {
        return !t.isBefore(linkDownUntil) && !poweredOff(t);
    }

    public boolean poweredOff(Instant t) {
        return rebootRequested != null || (poweredOffUntil != null && t.isBefore(poweredOffUntil));
    }

    // ---- remote control: what the SSH commands change ----

    /** The machine goes down at the next step and comes back after {@code downtime} of simulated time. */
    public void requestReboot(Duration downtime) {
        rebootRequested = downtime;
    }

    public void setPinLocked(boolean locked) {
        if (pinLocked != locked) {
            pinLocked = locked;
            notice(locked ? "PIN_ON" : "PIN_OFF", locked ? "Product selection locked by PIN" : "PIN lock released");
        }
    }

    public boolean pinLocked() {
        return pinLocked;
    }

    public void setNotServiced(boolean on) {
        if (notServiced != on) {
            notServiced = on;
            notice(on ? "NOT_SERVICED_ON" : "NOT_SERVICED_OFF",
                    on ? "Machine marked as not serviced" : "Not-serviced mark removed");
        }
    }

    public boolean notServiced() {
        return notServiced;
    }

    /** Queues an informational event for the next step. */
    public void notice(String code, String text) {
        pendingNotices.add(new String[] { code, text });
    }

    /**
     * Error injection for tests and demos: the machine raises {@code code} (one of its family's codes) at the next
     * step and keeps it until {@link #clearInjectedError} or a reboot, like a fault that waits for a mechanic.
     *
     * @throws IllegalArgumentException when the family has no such code
     */
    public void injectError(String code) {
        profile.error(code).orElseThrow(() -> new IllegalArgumentException("unknown error code " + code
                + " for " + profile.family() + "; known: " + profile.allErrors().stream().map(ErrorCode::code).toList()));
        pendingInjections.put(code, true);
    }

    /** Clears {@code code} at the next step if it is active (injected or not); null clears every active error. */
    public void clearInjectedError(String code) {
        if (code == null) {
            activeErrors.keySet().forEach(c -> pendingInjections.put(c, false));
            pendingInjections.replaceAll((c, raise) -> false);
        } else {
            pendingInjections.put(code, false);
        }
    }

    public void setDrinkListener(Consumer<MachineEvent.DrinkMade> listener) {
        this.drinkListener = listener == null ? d -> { } : listener;
    }

    /** The last drinks made, newest first. */
    public List<MachineEvent.DrinkMade> recentDrinks(int n) {
        List<MachineEvent.DrinkMade> out = new ArrayList<>();
        Iterator<MachineEvent.DrinkMade> it = recentDrinks.descendingIterator();
        while (it.hasNext() && out.size() < n) {
            out.add(it.next());
        }
        return out;
    }

    /** Active error codes, oldest first. */
    public List<String> activeErrors() {
        return List.copyOf(activeErrors.keySet());
    }

    /** What the machine's display shows at {@code t}. */
    public String screen(Instant t) {
        if (poweredOff(t)) {
            return "Starting...";
        }
        for (String code : activeErrors.keySet()) {
            ErrorCode e = profile.error(code).orElseThrow();
            if (e.blocksDrinks()) {
                return code + " " + e.text() + "\nPlease call service";
            }
        }
        if (cleaningEnd != null) {
            return "Cleaning in progress\n" + cleaningProgram;
        }
        if (pinLocked) {
            return "Locked\nEnter PIN";
        }
        if (!hours.isOpen(local(t))) {
            return "Closed\nEnergy saving";
        }
        String base = "Please select a product";
        if (!activeErrors.isEmpty()) {
            String code = activeErrors.keySet().iterator().next();
            base += "\n" + code + " " + profile.error(code).orElseThrow().text();
        }
        return notServiced ? base + "\nMachine not serviced" : base;
    }

    /** Key figures for status commands. */
    public Map<String, String> status(Instant t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("serial", machine.serial());
        m.put("model", machine.model());
        m.put("state", poweredOff(t) ? "BOOTING" : blocked() ? "ERROR" : cleaningEnd != null ? "CLEANING" : "READY");
        m.put("errors", String.join(",", activeErrors.keySet()));
        m.put("pin", pinLocked ? "on" : "off");
        m.put("not_serviced", notServiced ? "on" : "off");
        m.put("beans_level", fmt(beans));
        m.put("waste_level", fmt(waste));
        if (profile.milkEmpty() != null) {
            m.put("milk_level", fmt(milk));
        }
        if (profile.waterEmpty() != null) {
            m.put("water_level", fmt(water));
        }
        m.put("total_beverages", Long.toString(totalDrinks));
        m.put("link", linkUp(t) ? "up" : "down");
        return m;
    }

    // ---- the simulation ----

    private void step() {
        Instant t = cursor;
        stepBase = Math.floorDiv(t.getEpochSecond(), STEP.getSeconds()) * SEQ_PER_STEP;
        stepIndex = 0;
        cursor = t.plus(STEP);
        LocalDateTime local = local(t);
        boolean open = hours.isOpen(local);

        if (rebootRequested != null) {
            emit(new MachineEvent.Notice(seq(), t, "REBOOT", "Restart requested by remote command"));
            poweredOffUntil = t.plus(rebootRequested);
            rebootRequested = null;
            // A restart clears the transient faults; consumable errors stay until someone refills.
            activeErrors.entrySet().removeIf(e -> e.getValue() != null);
            pendingNotices.clear();
            cleaningEnd = null;
            return;
        }
        if (poweredOffUntil != null) {
            if (t.isBefore(poweredOffUntil)) {
                return;
            }
            poweredOffUntil = null;
            emit(new MachineEvent.Notice(seq(), t, "BOOT", "Machine started"));
            counters(t);
        }
        if (!started) {
            started = true;
            counters(t);
        }
        for (String[] n : pendingNotices) {
            emit(new MachineEvent.Notice(seq(), t, n[0], n[1]));
        }
        pendingNotices.clear();
        injections(t);

        if (!t.isBefore(linkDownUntil) && rnd.nextDouble() < perStep(LINK_DROPS_PER_DAY)) {
            // Mostly short drops; one in ten is a long outage of a few hours.
            double minutes = rnd.nextDouble() < 0.1 ? 120 + rnd.nextDouble() * 240 : exponential(15);
            linkDownUntil = t.plusSeconds((long) (minutes * 60));
        }
        if (t.getEpochSecond() % HEARTBEAT_INTERVAL.getSeconds() == 0 && linkUp(t)) {
            emit(new MachineEvent.Heartbeat(seq(), t));
        }

        errors(t);
        cleaning(t, local, open);
        drinks(t, local, open);
        if (open) {
            refills(t);
        }
        drift = Math.max(-2.5, Math.min(2.5, drift + gaussian() * 0.03));
        if (t.getEpochSecond() % SENSOR_INTERVAL.getSeconds() == 0) {
            sensors(t);
        }
        if (t.getEpochSecond() % COUNTER_INTERVAL.getSeconds() == 0) {
            counters(t);
        }
        descaling(t, open);
    }

    private void errors(Instant t) {
        Iterator<Map.Entry<String, Instant>> it = activeErrors.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue() != null && !e.getValue().isAfter(t)) {
                it.remove();
                emit(new MachineEvent.ErrorCleared(seq(), t, e.getKey()));
            }
        }
        for (ErrorCode code : profile.errors()) {
            if (rnd.nextDouble() < perStep(code.perDay()) && !activeErrors.containsKey(code.code())) {
                raise(t, code, t.plusSeconds((long) (exponential(code.meanMinutes()) * 60) + STEP.getSeconds()));
            }
        }
    }

    private void injections(Instant t) {
        pendingInjections.forEach((code, raise) -> {
            if (raise && !activeErrors.containsKey(code)) {
                raise(t, profile.error(code).orElseThrow(), Instant.MAX);
            } else if (!raise && activeErrors.containsKey(code)) {
                activeErrors.remove(code);
                emit(new MachineEvent.ErrorCleared(seq(), t, code));
            }
        });
        pendingInjections.clear();
    }

    private void raise(Instant t, ErrorCode code, Instant clearAt) {
        activeErrors.put(code.code(), clearAt);
        emit(new MachineEvent.ErrorRaised(seq(), t, code.code(), code.text(),
                code.critical() ? Severity.CRITICAL : Severity.WARNING));
    }

    private void clearConsumable(Instant t, ErrorCode code) {
        if (code != null && activeErrors.containsKey(code.code())) {
            activeErrors.remove(code.code());
            emit(new MachineEvent.ErrorCleared(seq(), t, code.code()));
        }
    }

    private void cleaning(Instant t, LocalDateTime local, boolean open) {
        int secondOfDay = local.toLocalTime().toSecondOfDay();
        for (LocalTime scheduled : cleaningTimes) {
            int s = scheduled.toSecondOfDay();
            boolean thermoplan = FamilyProfile.THERMOPLAN.equals(profile.family());
            if (thermoplan && secondOfDay == Math.floorMod(s - 300, 86400)) {
                emit(new MachineEvent.Notice(seq(), t, "RINSE_UPCOMING", "Rinse due in 5 minutes"));
            }
            if (secondOfDay >= s && secondOfDay < s + STEP.getSeconds()) {
                double x = rnd.nextDouble();
                if (x < 0.85) {
                    pendingCleaning = t.plusSeconds(rnd.nextInt(300));
                } else if (x < 0.93) {
                    // Staff busy: the rinse runs an hour or more late, off schedule.
                    pendingCleaning = t.plusSeconds(3600 + rnd.nextInt(7200));
                    if (thermoplan) {
                        emit(new MachineEvent.Notice(seq(), t, "RINSE_POSTPONED", "Rinse postponed by staff"));
                    }
                }
            }
        }
        if (open && pendingCleaning == null && rnd.nextDouble() < perStep(AD_HOC_CLEANINGS_PER_DAY)) {
            pendingCleaning = t;
        }
        if (pendingCleaning != null && cleaningEnd == null && !t.isBefore(pendingCleaning) && !blocked()) {
            cleaningStart = t;
            cleaningEnd = t.plusSeconds(360 + rnd.nextInt(480));
            cleaningProgram = profile.cleaningPrograms().get(rnd.nextInt(profile.cleaningPrograms().size()));
            cleaningCompletes = rnd.nextDouble() < 0.97;
            pendingCleaning = null;
        }
        if (cleaningEnd != null && !t.isBefore(cleaningEnd)) {
            Instant end = cleaningCompletes ? cleaningEnd
                    : cleaningStart.plus(Duration.between(cleaningStart, cleaningEnd).dividedBy(2));
            emit(new MachineEvent.CleaningRun(seq(), cleaningStart, cleaningProgram, end, cleaningCompletes));
            descalingLiters += 1.5;
            cleaningEnd = null;
        }
    }

    private void drinks(Instant t, LocalDateTime local, boolean open) {
        if (!open || cleaningEnd != null || pinLocked || blocked()) {
            return;
        }
        double perHour = BASE_DRINKS_PER_HOUR * traffic * hourFactor(local.getHour()) * dayFactor(local.getDayOfWeek());
        int n = Math.min(MAX_DRINKS_PER_STEP, poisson(perHour * STEP_SECONDS / 3600));
        if (n == 0) {
            return;
        }
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = rnd.nextLong(STEP.toMillis());
        }
        java.util.Arrays.sort(offsets);
        for (int i = 0; i < n && !blocked(); i++) {
            Product p = pickProduct();
            if (p == null) {
                return;
            }
            MachineEvent.DrinkMade d = new MachineEvent.DrinkMade(seq(), t.plusMillis(offsets[i]), p.name(), p.sizeMl());
            emit(d);
            recentDrinks.addLast(d);
            if (recentDrinks.size() > RECENT_DRINKS) {
                recentDrinks.removeFirst();
            }
            drinkListener.accept(d);
            consume(t, p);
        }
    }

    private Product pickProduct() {
        double total = 0;
        List<Product> available = new ArrayList<>();
        for (Product p : profile.products()) {
            if (available(p)) {
                available.add(p);
                total += p.weight();
            }
        }
        double x = rnd.nextDouble() * total;
        for (Product p : available) {
            x -= p.weight();
            if (x < 0) {
                return p;
            }
        }
        return available.isEmpty() ? null : available.get(available.size() - 1);
    }

    private boolean available(Product p) {
        if (p.usesBeans() && isActive(profile.beansEmpty())) {
            return false;
        }
        return !(p.usesMilk() && isActive(profile.milkEmpty()));
    }

    private void consume(Instant t, Product p) {
        totalDrinks++;
        descalingLiters += p.sizeMl() / 1000.0;
        if (p.usesBeans()) {
            beans = Math.max(0, beans - p.beansG() / 1200 * 100);
            waste = Math.min(100, waste + 1.1 + rnd.nextDouble() * 0.3);
        }
        if (p.usesMilk() && profile.milkEmpty() != null) {
            milk = Math.max(0, milk - p.milkMl() / 5000.0 * 100);
        }
        if (profile.waterEmpty() != null) {
            water = Math.max(0, water - (p.sizeMl() + 20) / 4000.0 * 100);
        }
        raiseIf(t, beans <= 2, profile.beansEmpty());
        raiseIf(t, milk <= 2, profile.milkEmpty());
        raiseIf(t, waste >= 98, profile.wasteFull());
        raiseIf(t, water <= 2, profile.waterEmpty());
    }

    private void raiseIf(Instant t, boolean condition, ErrorCode code) {
        if (condition && code != null && !activeErrors.containsKey(code.code())) {
            raise(t, code, null);
        }
    }

    private void refills(Instant t) {
        // Staff notice a low level after twenty minutes on average, an empty one sooner.
        if (beans < 15 && rnd.nextDouble() < refillChance(beans <= 2)) {
            beans = 95 + rnd.nextDouble() * 5;
            level(t, Sensors.BEANS_LEVEL, beans);
            clearConsumable(t, profile.beansEmpty());
        }
        if (profile.milkEmpty() != null && milk < 15 && rnd.nextDouble() < refillChance(milk <= 2)) {
            milk = 95 + rnd.nextDouble() * 5;
            level(t, Sensors.MILK_LEVEL, milk);
            clearConsumable(t, profile.milkEmpty());
        }
        if (waste > 85 && rnd.nextDouble() < refillChance(waste >= 98)) {
            waste = rnd.nextDouble() * 2;
            level(t, Sensors.WASTE_LEVEL, waste);
            clearConsumable(t, profile.wasteFull());
        }
        if (profile.waterEmpty() != null && water < 20 && rnd.nextDouble() < refillChance(water <= 2)) {
            water = 95 + rnd.nextDouble() * 5;
            level(t, Sensors.WATER_LEVEL, water);
            clearConsumable(t, profile.waterEmpty());
        }
    }

    private double refillChance(boolean empty) {
        return STEP_SECONDS / ((empty ? 8 : 20) * 60.0);
    }

    private void sensors(Instant t) {
        emit(new MachineEvent.SensorReading(seq(), t, Sensors.BOILER_TEMP,
                round(profile.boilerSetpoint() + drift + gaussian() * 0.3), Sensors.CELSIUS));
        if (profile.hasSteamBoiler()) {
            emit(new MachineEvent.SensorReading(seq(), t, Sensors.STEAM_TEMP, round(124 + drift + gaussian() * 0.8),
                    Sensors.CELSIUS));
        }
        if (profile.hasMilkSensors()) {
            emit(new MachineEvent.SensorReading(seq(), t, Sensors.MILK_TEMP, round(4 + drift * 0.2 + gaussian() * 0.3),
                    Sensors.CELSIUS));
            level(t, Sensors.MILK_LEVEL, milk);
        }
        level(t, Sensors.BEANS_LEVEL, beans);
        level(t, Sensors.WASTE_LEVEL, waste);
        if (profile.waterEmpty() != null) {
            level(t, Sensors.WATER_LEVEL, water);
        }
    }

    private void level(Instant t, String sensor, double value) {
        emit(new MachineEvent.SensorReading(seq(), t, sensor, round(value), Sensors.PERCENT));
    }

    private void counters(Instant t) {
        Map<String, String> c = new LinkedHashMap<>(profile.firmware());
        c.put("water_boiler_seted_value", fmt(profile.boilerSetpoint()));
        c.put("descaling_count_seted_value", Integer.toString(descalingSet));
        c.put("descaling_count_current_value", Long.toString((long) descalingLiters));
        c.put("total_beverages", Long.toString(totalDrinks));
        c.forEach((k, v) -> emit(new MachineEvent.CounterReading(seq(), t, k, v)));
    }

    private void descaling(Instant t, boolean open) {
        if (!descalingDue && descalingLiters >= descalingSet) {
            descalingDue = true;
            emit(new MachineEvent.Notice(seq(), t, "DESCALING_DUE", "Descaling due"));
        } else if (descalingDue && open && rnd.nextDouble() < perStep(0.5)) {
            descalingDue = false;
            descalingLiters = 0;
            emit(new MachineEvent.Notice(seq(), t, "DESCALED", "Descaling done"));
            counters(t);
        }
    }

    private boolean blocked() {
        for (String code : activeErrors.keySet()) {
            if (profile.error(code).map(ErrorCode::blocksDrinks).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private boolean isActive(ErrorCode code) {
        return code != null && activeErrors.containsKey(code.code());
    }

    /** Rush hours of a fuel-station shop: morning commute, lunch, evening commute; quiet nights. */
    static double hourFactor(int hour) {
        if (hour < 6) {
            return 0.25;
        } else if (hour < 7) {
            return 0.9;
        } else if (hour < 9) {
            return 2.6;
        } else if (hour < 12) {
            return 1.2;
        } else if (hour < 14) {
            return 1.8;
        } else if (hour < 17) {
            return 1.0;
        } else if (hour < 19) {
            return 2.2;
        } else if (hour < 22) {
            return 0.9;
        }
        return 0.45;
    }

    private static double dayFactor(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY ? 0.9 : d == DayOfWeek.SUNDAY ? 0.8 : 1.0;
    }

    private void emit(MachineEvent e) {
        buffered.add(e);
    }

    private long seq() {
        if (stepIndex >= SEQ_PER_STEP) {
            throw new IllegalStateException("more than " + SEQ_PER_STEP + " events in one step");
        }
        return stepBase + stepIndex++;
    }

    private LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, zone);
    }

    private static double perStep(double perDay) {
        return perDay * STEP_SECONDS / 86400;
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }

    private double gaussian() {
        // Box-Muller on our own stream (SplittableRandom has no nextGaussian on Java 17).
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private int poisson(double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
