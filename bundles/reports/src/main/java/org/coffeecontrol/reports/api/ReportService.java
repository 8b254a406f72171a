package org.coffeecontrol.reports.api;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reports. Every call checks the caller's role (reports are for everyone but field engineers) and client
 * visibility: results only ever contain machines of clients the caller may see, and filter ids of other clients are
 * refused as not found. Failures are {@link org.coffeecontrol.api.ValidationException} (naming the request field),
 * {@link org.coffeecontrol.api.NotFoundException}, {@link org.coffeecontrol.api.ConflictException} or
 * {@link org.coffeecontrol.api.AccessDeniedException}.
 */
@ProviderType
public interface ReportService {

    /** The reports the caller may run, in menu order. */
    List<ReportDefinition> definitions(Caller caller);

    ReportDefinition definition(Caller caller, String reportId);

    /** Runs a report on the caller's thread and returns the result. */
    ReportResult run(Caller caller, ReportRequest request);

    /** Validates the request now, then runs it in the background; poll {@link #job}. */
    ReportJob submit(Caller caller, ReportRequest request);

    /** A job of the caller's (admins see every job). Finished jobs are kept for a while, then forgotten. */
    ReportJob job(Caller caller, String jobId);

    /** The caller's jobs, newest first. */
    List<ReportJob> jobs(Caller caller);

    /** Asks a queued or running job to stop; a finished job is returned unchanged. */
    ReportJob cancel(Caller caller, String jobId);

    /** The result of a DONE job; {@link org.coffeecontrol.api.ConflictException} while it is not done. */
    ReportResult result(Caller caller, String jobId);

    /**
     * Writes a result as xlsx (one sheet, formatted frozen header, totals row, dates as dates, numbers as numbers;
     * streamed, so memory stays bounded) or csv (UTF-8, comma separated, ISO dates). Does not close {@code out}.
     */
    void export(ReportResult result, ExportFormat format, OutputStream out) throws IOException;

    /** Products sold by the caller's visible machines, for the product filter. */
    List<String> products(Caller caller);

    /** Sensor names reported by the caller's visible machines, for the sensor filter. */
    List<String> sensors(Caller caller);

    /**
     * REP-9 charts: the sensor readings of one machine in {@code [from, to)}, one series per sensor (by name),
     * oldest first; a sensor with more than {@code maxPoints} readings is thinned evenly. Fails with
     * {@link org.coffeecontrol.api.NotFoundException} for a machine the caller may not see.
     *
     * @since 1.1
     */
    List<SensorSeries> sensorSeries(Caller caller, long equipmentId, Instant from, Instant to, int maxPoints);

    /** The time zone days are counted in. */
    ZoneId zone();
}
