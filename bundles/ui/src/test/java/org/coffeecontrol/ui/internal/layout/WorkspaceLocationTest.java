package org.coffeecontrol.ui.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkspaceLocationTest {

    @Test
    void theMainPageIsStoredAsSlashAndReopensAsTheEmptyRoute() {
        assertEquals("/", MainLayout.stored(""));
        assertEquals("", MainLayout.route(MainLayout.stored("")));
    }

    @Test
    void otherLocationsPassUnchanged() {
        assertEquals("pos/7?tab=x", MainLayout.stored("pos/7?tab=x"));
        assertEquals("pos/7", MainLayout.route(MainLayout.stored("pos/7")));
    }
}
