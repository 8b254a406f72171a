package org.coffeecontrol.rest.internal.catalog;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.FleetFile;
import org.coffeecontrol.api.catalog.FleetImport;
import org.coffeecontrol.api.catalog.FleetImportReport;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.rest.internal.auth.BasicAuthFilter;
import org.coffeecontrol.rest.internal.json.JsonMapping;
import org.coffeecontrol.rest.internal.json.JsonProvider;
import org.coffeecontrol.rest.internal.openapi.Answers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/fleet/import}: a fleet file as CSV ({@code text/csv}) or as a JSON array of row objects with
 * the same column names ({@code application/json}). 200 with the report when it was written (or, with
 * {@code dryRun=true}, would be), 422 with the report listing every bad row when nothing was written.
 */
@Component(service = FleetImportResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ BasicAuthFilter.SELECT, JsonProvider.SELECT })
@Path("/api/fleet")
@Produces(MediaType.APPLICATION_JSON)
public class FleetImportResource {

    static final String CSV = "text/csv";
    private final FleetImport fleetImport;
    private final ObjectMapper mapper = JsonMapping.newMapper();

    @Activate
    public FleetImportResource(@Reference FleetImport fleetImport) {
        this.fleetImport = fleetImport;
    }

    @POST
    @Path("import")
    @Consumes({ CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON })
    @Answers(status = 200, description = "Imported (or, with dryRun, checked): what was created and found",
            entity = FleetImportReport.class)
    @Answers(status = 422, description = "Nothing imported: every refused row with its column and reason",
            entity = FleetImportReport.class)
    public Response importFleet(@Context SecurityContext sc, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @QueryParam("dryRun") boolean dryRun, byte[] body) {
        // No body is no rows: the service answers that, after it has checked who is asking.
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = text.isBlank() ? List.of()
                : type != null && type.toLowerCase(Locale.ROOT).contains("json") ? json(text) : FleetFile.csv(text);
        FleetImportReport report = fleetImport.importFleet(Callers.of(sc), rows, dryRun);
        return Response.status(report.errors().isEmpty() ? 200 : 422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(report).build();
    }

    private List<Map<String, String>> json(String text) {
        List<Map<String, Object>> objects;
        try {
            objects = mapper.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            throw new ValidationException("body", "not a JSON array of row objects: " + e.getOriginalMessage());
        }
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> object = objects.get(i);
            if (object == null) {
                throw new ValidationException("row " + (i + 1), "is null, expected an object");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : object.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map || v instanceof List) {
                    throw new ValidationException("row " + (i + 1), e.getKey() + " must be a plain value");
                }
                row.put(e.getKey(), v == null ? null : v.toString());
            }
            rows.add(row);
        }
        return rows;
    }
}
