package org.coffeecontrol.ui.internal.reports;

import java.io.Serializable;
import java.time.Duration;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.ReportJob;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.ui.internal.services.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

/**
 * Runs one report as a background job and reports back through server push: the job runs in the reports bundle,
 * a watcher thread of ours polls its progress and hands every change to the UI with {@link UI#access}, so the
 * request thread is never held and the user can cancel. At most one run per runner at a time.
 */
final class ReportRunner implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReportRunner.class);
    private static final Duration POLL = Duration.ofMillis(250);

    /** Called on the UI thread (inside {@link UI#access}). */
    interface Listener extends Serializable {
        void progress(ReportJob job);

        void done(ReportResult result);

        /** The job failed, was cancelled, or the service went away; {@code message} says which. */
        void stopped(ReportJob.State state, String message);
    }

    private final transient ReportService reports;
    private volatile transient Watcher watcher;

    ReportRunner(ReportService reports) {
        this.reports = reports;
    }

    /**
     * Submits the request (a bad request fails right here, with the service's exception) and starts watching it.
     * Must be called on the UI thread.
     */
    ReportJob start(Caller caller, ReportRequest request, Listener listener) {
        stopWatching();
        ReportJob job = reports.submit(caller, request);
        Watcher w = new Watcher(UI.getCurrent(), caller, job.id(), listener);
        watcher = w;
        Thread t = new Thread(w, "report-watch-" + job.id());
        t.setDaemon(true);
        t.start();
        return job;
    }

    boolean running() {
        return watcher != null;
    }

    /** Asks the service to cancel the job; the watcher reports CANCELLED when the job has stopped. */
    void cancel(Caller caller) {
        Watcher w = watcher;
        if (w != null) {
            reports.cancel(caller, w.jobId);
        }
    }

    /** The view went away: stop the job too, nobody will look at its result. */
    void abandon() {
        Watcher w = watcher;
        if (w != null) {
            try {
                reports.cancel(w.caller, w.jobId);
            } catch (RuntimeException e) {
                LOG.debug("Cancelling abandoned report job {} failed: {}", w.jobId, e.toString());
            }
        }
        stopWatching();
    }

    private void stopWatching() {
        Watcher w = watcher;
        watcher = null;
        if (w != null) {
            w.stopped = true;
        }
    }

    private final class Watcher implements Runnable {
        private final UI ui;
        private final Caller caller;
        private final String jobId;
        private final Listener listener;
        private volatile boolean stopped;

        Watcher(UI ui, Caller caller, String jobId, Listener listener) {
            this.ui = ui;
            this.caller = caller;
            this.jobId = jobId;
            this.listener = listener;
        }

        @Override
        public void run() {
            double lastProgress = -1;
            try {
                while (!stopped) {
                    ReportJob job = reports.job(caller, jobId);
                    if (job.state() == ReportJob.State.DONE) {
                        ReportResult result = reports.result(caller, jobId);
                        finish(() -> listener.done(result));
                        return;
                    }
                    if (job.state().finished()) {
                        finish(() -> listener.stopped(job.state(), job.message()));
                        return;
                    }
                    if (job.progress() != lastProgress) {
                        lastProgress = job.progress();
                        push(() -> listener.progress(job));
                    }
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (CoffeeException | ServiceUnavailableException e) {
                finish(() -> listener.stopped(ReportJob.State.FAILED, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("Watching report job {} failed", jobId, e);
                finish(() -> listener.stopped(ReportJob.State.FAILED, null));
            }
        }

        private void finish(Runnable r) {
            stopped = true;
            push(() -> {
                watcher = null;
                r.run();
            });
        }

        /** Runs on the UI thread unless a newer run has replaced this one or the UI is gone. */
        private void push(Runnable r) {
            try {
                ui.access(() -> {
                    if (watcher == this) {
                        r.run();
                    }
                });
            } catch (UIDetachedException e) {
                stopped = true;
            }
        }
    }
}
