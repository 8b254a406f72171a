package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Role;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void rolesAcceptCommaListsCaseAndDashes() {
        assertEquals(EnumSet.of(Role.ADMIN, Role.TECH_SUPPORT, Role.SERVICE_ADMIN),
                Arguments.roles(List.of("admin,Tech-Support", " service_admin ")));
    }

    @Test
    void unknownRoleNamesTheOptionAndTheChoices() {
        ValidationException e = assertThrows(ValidationException.class, () -> Arguments.roles(List.of("barista")));
        assertEquals("role", e.field());
        assertTrue(e.detail().contains("'barista'") && e.detail().contains("tech-support"), e.detail());
    }

    @Test
    void roleNamesRoundTrip() {
        for (String name : Arguments.roleNames()) {
            assertEquals(1, Arguments.roles(List.of(name)).size(), name);
        }
        assertEquals("tech-support", Arguments.roleName(Role.TECH_SUPPORT));
    }

    @Test
    void keyValuesKeepOrderAndValuesWithEquals() {
        assertEquals(Map.of("main", "3.2.1", "ui", "a=b"),
                Arguments.keyValues("firmware", List.of("main=3.2.1", " ui = a=b")));
        assertEquals(List.of("main", "ui"),
                List.copyOf(Arguments.keyValues("firmware", List.of("main=1", "ui=2")).keySet()));
    }

    @Test
    void keyValueWithoutKeyIsRejectedNamingTheOption() {
        assertEquals("attr", assertThrows(ValidationException.class,
                () -> Arguments.keyValues("attr", List.of("boilers"))).field());
        assertEquals("attr", assertThrows(ValidationException.class,
                () -> Arguments.keyValues("attr", List.of("=2"))).field());
    }

    @Test
    void openingHoursExpandRangesAndLaterItemsOverride() {
        Map<String, String> hours = Arguments.openingHours(
                List.of("ALL=07:00-23:00", "sat-sun=08:00-20:00", "SUN=closed"));
        assertEquals("07:00-23:00", hours.get("MON"));
        assertEquals("07:00-23:00", hours.get("FRI"));
        assertEquals("08:00-20:00", hours.get("SAT"));
        assertEquals("closed", hours.get("SUN"));
        assertEquals(7, hours.size());
    }

    @Test
    void openingHoursRejectBadDaysRangesAndTimes() {
        assertEquals("hours", assertThrows(ValidationException.class,
                () -> Arguments.openingHours(List.of("MOO=07:00-23:00"))).field());
        assertEquals("hours", assertThrows(ValidationException.class,
                () -> Arguments.openingHours(List.of("FRI-MON=07:00-23:00"))).field());
        assertEquals("hours", assertThrows(ValidationException.class,
                () -> Arguments.openingHours(List.of("07:00-23:00"))).field());
        assertEquals("hours.TUE", assertThrows(ValidationException.class,
                () -> Arguments.openingHours(List.of("TUE=23:00-07:00"))).field());
    }

    @Test
    void noHoursMeansEmptyMap() {
        assertTrue(Arguments.openingHours(null).isEmpty());
    }

    @Test
    void pageRejectsZeroLimitAndClampsLargeOnes() {
        assertEquals("limit", assertThrows(ValidationException.class, () -> Arguments.page(0, 0)).field());
        assertEquals("offset", assertThrows(ValidationException.class, () -> Arguments.page(-1, 5)).field());
        assertEquals(1000, Arguments.page(0, 5000).limit());
    }

    @Test
    void splitFlattensRepeatedAndCommaSeparatedValues() {
        assertEquals(List.of("1", "ACME", "7"), Arguments.split(List.of("1, ACME", "", "7,")));
        assertTrue(Arguments.split(null).isEmpty());
    }
}
