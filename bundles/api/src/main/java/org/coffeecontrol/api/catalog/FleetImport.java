package org.coffeecontrol.api.catalog;

import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Bulk import of a fleet from a fleet file (see docs/fleet-import.md): one row per machine at a point of sale of a
 * client, or per point of sale without a machine. Clients are matched by name, points of sale by code, machines by
 * family and serial, so importing the same file twice changes nothing; empty cells leave a field as it is.
 * Every row is checked against the file and the catalogue before anything is written: with any error nothing is
 * written and the report lists each one (row, column, reason). Then the rows are written in chunks, one
 * transaction per chunk. Administrators only.
 *
 * @since 1.2
 */
@ProviderType
public interface FleetImport {

    /** The columns of a fleet file, in the order of the template; see docs/fleet-import.md. */
    List<String> COLUMNS = List.of("client", "client_code", "region", "pos_code", "pos_name", "address", "latitude",
            "longitude", "opening_hours", "time_zone", "monitoring_package", "phone", "email", "family", "model",
            "serial", "inventory_number", "host", "ssh_port", "secret");

    /**
     * @param rows   the file's rows in order, column name to cell (see {@link FleetFile#csv} for CSV)
     * @param dryRun only check and count: nothing is written
     * @throws org.coffeecontrol.api.AccessDeniedException unless the caller is an administrator
     */
    FleetImportReport importFleet(Caller caller, List<Map<String, String>> rows, boolean dryRun);
}
