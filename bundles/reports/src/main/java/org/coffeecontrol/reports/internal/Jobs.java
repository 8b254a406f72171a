package org.coffeecontrol.reports.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.reports.api.ReportJob;
import org.coffeecontrol.reports.api.ReportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Report runs in the background. A job belongs to the user who submitted it (others get "not found", as for
 * objects of another client); cancelling interrupts the run at its next progress update. Finished jobs are
 * forgotten {@code keep} after they end.
 */
final class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final class Job implements Progress {
        final String id = UUID.randomUUID().toString();
        final String reportId;
        final String owner;
        final Instant submittedAt;
        volatile ReportJob.State state = ReportJob.State.QUEUED;
        volatile double progress;
        volatile String message = "queued";
        volatile Instant finishedAt;
        volatile ReportResult result;
        volatile boolean cancelRequested;
        volatile Future<?> future;

        Job(String reportId, String owner) {
            this.reportId = reportId;
            this.owner = owner;
            this.submittedAt = clock.instant();
        }

        @Override
        public void update(double fraction, String what) {
            if (cancelRequested || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("cancelled");
            }
            progress = Math.max(progress, Math.min(1, fraction));
            message = what;
        }

        ReportJob snapshot() {
            return new ReportJob(id, reportId, owner, state, progress, message, submittedAt, finishedAt,
                    result == null ? null : result.details().size());
        }
    }

    private final ExecutorService executor;
    private final Clock clock;
    private final Duration keep;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    Jobs(ExecutorService executor, Clock clock, Duration keep) {
        this.executor = executor;
        this.clock = clock;
        this.keep = keep;
    }

    /** Starts {@code work} (already validated) with the job as its progress sink. */
    ReportJob submit(Caller caller, String reportId, Function<Progress, ReportResult> work) {
        expire();
        Job job = new Job(reportId, caller.username());
        jobs.put(job.id, job);
        job.future = executor.submit(() -> execute(job, work));
        return job.snapshot();
    }

    private void execute(Job job, Function<Progress, ReportResult> work) {
        if (job.cancelRequested) {
            finish(job, ReportJob.State.CANCELLED, "cancelled");
            return;
        }
        job.state = ReportJob.State.RUNNING;
        job.message = "running";
        try {
            job.result = work.apply(job);
            job.progress = 1;
            finish(job, ReportJob.State.DONE, "done");
        } catch (CancellationException e) {
            finish(job, ReportJob.State.CANCELLED, "cancelled");
        } catch (CoffeeException e) {
            finish(job, ReportJob.State.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Report job {} ({}) failed", job.id, job.reportId, e);
            finish(job, job.cancelRequested ? ReportJob.State.CANCELLED : ReportJob.State.FAILED,
                    job.cancelRequested ? "cancelled" : "failed: " + e.getMessage());
        }
    }

    private void finish(Job job, ReportJob.State state, String message) {
        job.message = message;
        job.finishedAt = clock.instant();
        job.state = state;
    }

    ReportJob job(Caller caller, String id) {
        return find(caller, id).snapshot();
    }

    List<ReportJob> jobs(Caller caller) {
        expire();
        return jobs.values().stream().filter(j -> visibleTo(caller, j)).map(Job::snapshot)
                .sorted(Comparator.comparing(ReportJob::submittedAt).reversed()).toList();
    }

    ReportJob cancel(Caller caller, String id) {
        Job job = find(caller, id);
        if (!job.state.finished()) {
            job.cancelRequested = true;
            Future<?> f = job.future;
            if (f != null && job.state == ReportJob.State.QUEUED && f.cancel(false)) {
                finish(job, ReportJob.State.CANCELLED, "cancelled");
            }
        }
        return job.snapshot();
    }

    ReportResult result(Caller caller, String id) {
        Job job = find(caller, id);
        if (job.state != ReportJob.State.DONE) {
            throw new ConflictException("report job " + id + " is " + job.state.name().toLowerCase(java.util.Locale.ROOT)
                    + (job.state == ReportJob.State.FAILED ? ": " + job.message : ""));
        }
        return job.result;
    }

    private Job find(Caller caller, String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null || !visibleTo(caller, job)) {
            throw new NotFoundException("report job", id);
        }
        return job;
    }

    /** Admins see every job; everyone else only their own. */
    private static boolean visibleTo(Caller caller, Job job) {
        return caller.username().equals(job.owner) || caller.has(Role.ADMIN);
    }

    private void expire() {
        Instant limit = clock.instant().minus(keep);
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(limit));
    }
}
