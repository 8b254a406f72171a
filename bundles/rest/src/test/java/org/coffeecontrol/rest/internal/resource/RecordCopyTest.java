package org.coffeecontrol.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.Region;
import org.junit.jupiter.api.Test;

class RecordCopyTest {

    @Test
    void replacesOnlyTheNamedComponents() {
        Region r = new Region(1L, "North", "N", 4);
        assertEquals(new Region(9L, "North", "N", 4), RecordCopy.with(r, Map.of("id", 9L)));
        assertEquals(new Region(null, "North", "N", 4), RecordCopy.with(r, Collections.singletonMap("id", null)));
    }

    @Test
    void missingBodyIsAValidationError() {
        ValidationException e = assertThrows(ValidationException.class, () -> RecordCopy.with((Region) null, Map.of()));
        assertEquals("body", e.field());
    }

    @Test
    void unknownComponentIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> RecordCopy.with(new Region(1L, "a", "b", 0), Map.of("idd", 2L)));
    }
}
