package org.coffeecontrol.reports.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportJob;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.reports.api.SensorSeries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Reports over REST: definitions, a synchronous run for small reports, background jobs with progress, cancel and
 * result for large ones, and xlsx/csv downloads. The request body is a {@link ReportRequest}; the report id comes
 * from the path.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;

    @Activate
    public ReportResource(@Reference ReportService reports) {
        this.reports = reports;
    }

    /** The reports the caller may run. */
    @GET
    public List<ReportDefinition> definitions(@Context SecurityContext sc) {
        return reports.definitions(Callers.of(sc));
    }

    /** Products sold by the caller's visible machines (for the product filter). */
    @GET
    @Path("products")
    public List<String> products(@Context SecurityContext sc) {
        return reports.products(Callers.of(sc));
    }

    /** Sensors reported by the caller's visible machines (for the sensor filter). */
    @GET
    @Path("sensors")
    public List<String> sensors(@Context SecurityContext sc) {
        return reports.sensors(Callers.of(sc));
    }

    /**
     * REP-9 chart data: one machine's sensor readings in {@code [from, to)} (ISO-8601 instants), one series per
     * sensor, at most {@code maxPoints} (default 2000) readings each.
     */
    @GET
    @Path("sensor-series")
    public List<SensorSeries> sensorSeries(@Context SecurityContext sc, @QueryParam("equipmentId") Long equipmentId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("maxPoints") Integer maxPoints) {
        if (equipmentId == null) {
            throw new ValidationException("equipmentId", "is required");
        }
        return reports.sensorSeries(Callers.of(sc), equipmentId, instant("from", from), instant("to", to),
                maxPoints == null ? 2000 : maxPoints);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "'" + value + "' is not an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }

    @GET
    @Path("{id}")
    public ReportDefinition definition(@Context SecurityContext sc, @PathParam("id") String id) {
        return reports.definition(Callers.of(sc), id);
    }

    /** Runs the report now and answers with the whole result: meant for small reports (use jobs for big ones). */
    @POST
    @Path("{id}/run")
    public ReportResult run(@Context SecurityContext sc, @PathParam("id") String id, ReportRequest request) {
        return reports.run(Callers.of(sc), withId(id, request));
    }

    /** Runs the report and answers with the file. */
    @POST
    @Path("{id}/export")
    @Produces({ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv" })
    public Response runAndExport(@Context SecurityContext sc, @PathParam("id") String id,
            @QueryParam("format") String format, ReportRequest request) {
        ExportFormat f = format(format);
        return download(reports.run(Callers.of(sc), withId(id, request)), f);
    }

    /** Starts a background run: 202 with the job; poll {@code /api/reports/jobs/{jobId}}. */
    @POST
    @Path("{id}/jobs")
    public Response submit(@Context SecurityContext sc, @PathParam("id") String id, ReportRequest request) {
        ReportJob job = reports.submit(Callers.of(sc), withId(id, request));
        return Response.accepted(job).location(URI.create("/api/reports/jobs/" + job.id())).build();
    }

    /** The caller's jobs, newest first. */
    @GET
    @Path("jobs")
    public List<ReportJob> jobs(@Context SecurityContext sc) {
        return reports.jobs(Callers.of(sc));
    }

    @GET
    @Path("jobs/{jobId}")
    public ReportJob job(@Context SecurityContext sc, @PathParam("jobId") String jobId) {
        return reports.job(Callers.of(sc), jobId);
    }

    /** Cancels a queued or running job; answers with its state. */
    @DELETE
    @Path("jobs/{jobId}")
    public ReportJob cancel(@Context SecurityContext sc, @PathParam("jobId") String jobId) {
        return reports.cancel(Callers.of(sc), jobId);
    }

    /** 409 while the job is not done. */
    @GET
    @Path("jobs/{jobId}/result")
    public ReportResult result(@Context SecurityContext sc, @PathParam("jobId") String jobId) {
        return reports.result(Callers.of(sc), jobId);
    }

    /** The finished job's result as a file: {@code format=xlsx} (default) or {@code csv}. */
    @GET
    @Path("jobs/{jobId}/export")
    @Produces({ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv" })
    public Response export(@Context SecurityContext sc, @PathParam("jobId") String jobId,
            @QueryParam("format") String format) {
        ExportFormat f = format(format);
        return download(reports.result(Callers.of(sc), jobId), f);
    }

    private Response download(ReportResult result, ExportFormat f) {
        StreamingOutput body = out -> reports.export(result, f, out);
        String file = result.reportId() + "-" + result.request().from() + "_" + result.request().to() + "."
                + f.extension();
        return Response.ok(body, f.mediaType()).header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    private static ReportRequest withId(String id, ReportRequest r) {
        if (r == null) {
            throw new ValidationException("body", "a report request is required");
        }
        return new ReportRequest(id, r.from(), r.to(), r.compareFrom(), r.compareTo(), r.filter(), r.groupings(),
                r.periodicity(), r.horizontal(), r.options());
    }

    private static ExportFormat format(String format) {
        if (format == null || format.isBlank()) {
            return ExportFormat.XLSX;
        }
        try {
            return ExportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("format", "'" + format + "' is not xlsx or csv");
        }
    }
}
