package org.coffeecontrol.ui.internal.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineFileService;
import org.coffeecontrol.remote.api.RemoteFile;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;

/**
 * The machine's allowed folders over SFTP (RC-5): browse, download (logs), upload into the open folder with the
 * configured size limit and its progress. Paths are checked again by the service (no {@code ..}, no links). Element ids:
 * {@code remote-files-path}, {@code remote-files-up}, {@code remote-files} (grid), {@code remote-files-open-<name>},
 * {@code remote-files-download-<name>}, {@code remote-files-upload}, {@code remote-files-progress} (platform to
 * machine), {@code remote-files-status}.
 */
final class FilesTab extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient MachineFileService files;
    private final transient Caller caller;
    private final String serial;
    private final Tr tr;
    private final Span status = Async.status("remote-files-status");
    private final Span where = new Span();
    private final Grid<RemoteFile> grid = new Grid<>();
    private final Upload upload;
    private final ProgressBar progress = new ProgressBar();
    private String folder = "";

    FilesTab(MachineFileService files, Caller caller, String serial, Tr tr) {
        this.files = files;
        this.caller = caller;
        this.serial = serial;
        this.tr = tr;
        setPadding(false);
        where.setId("remote-files-path");
        Button up = new Button(tr.t("remote.files.up"), e -> open(parent(folder)));
        up.setId("remote-files-up");
        grid.setId("remote-files");
        grid.addComponentColumn(this::name).setHeader(tr.t("remote.files.name")).setAutoWidth(true);
        grid.addColumn(f -> f.kind() == RemoteFile.Kind.FILE ? String.valueOf(f.size()) : "")
                .setHeader(tr.t("remote.files.size")).setAutoWidth(true);
        grid.addColumn(f -> f.modified() == null ? "" : f.modified().toString()).setHeader(tr.t("remote.files.modified"));
        grid.setHeight("20em");
        MemoryBuffer buffer = new MemoryBuffer();
        upload = new Upload(buffer);
        upload.setId("remote-files-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.maxFileBytes()));
        upload.addFileRejectedListener(e -> Async.fail(tr, status, new org.coffeecontrol.api.ValidationException(
                "file", e.getErrorMessage())));
        upload.addSucceededListener(e -> {
            String path = (folder.isEmpty() ? "" : folder + "/") + e.getFileName();
            try {
                byte[] bytes = buffer.getInputStream().readAllBytes();
                Async.busy(status, tr.t("remote.files.uploading", path));
                progress.setValue(0);
                progress.setVisible(true);
                UI ui = UI.getCurrent();
                var work = files.upload(caller, serial, path, bytes, progressOf(bytes.length));
                work.whenComplete((f, failure) -> ui.access(() -> progress.setVisible(false)));
                Async.then(tr, status, work, f -> {
                    Async.ok(status, tr.t("remote.files.uploaded", f.path(), f.size()));
                    open(folder);
                });
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (RuntimeException ex) {
                progress.setVisible(false);
                Async.fail(tr, status, ex);
            }
        });
        progress.setId("remote-files-progress");
        progress.setVisible(false);
        add(new HorizontalLayout(up, where), status, grid, upload, progress);
        open("");
    }

    /**
     * The browser shows the upload to the platform; this bar shows the second leg, platform to machine, which for a
     * large file over a slow link takes longer. Pushed at most every 250 ms, not per chunk.
     */
    private LongConsumer progressOf(long total) {
        UI ui = UI.getCurrent();
        AtomicLong lastPush = new AtomicLong();
        return written -> {
            long now = System.nanoTime();
            long last = lastPush.get();
            if ((written == total || now - last > 250_000_000L) && lastPush.compareAndSet(last, now)) {
                ui.access(() -> progress.setValue(total == 0 ? 1 : (double) written / total));
            }
        };
    }

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    private void open(String path) {
        folder = path;
        where.setText("/" + path);
        upload.setVisible(!path.isEmpty());
        try {
            Async.then(tr, status, files.list(caller, serial, path), list -> grid.setItems(list));
        } catch (RuntimeException e) {
            Async.fail(tr, status, e);
        }
    }

    private Component name(RemoteFile f) {
        if (f.kind() == RemoteFile.Kind.DIRECTORY) {
            Button b = new Button(f.name() + "/", e -> open(f.path()));
            b.setId("remote-files-open-" + f.name());
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return b;
        }
        if (f.kind() != RemoteFile.Kind.FILE) {
            return new Span(f.name());
        }
        // Fetched only when clicked, on the download request's thread, never on the UI thread.
        StreamResource resource = new StreamResource(f.name(), () -> {
            try {
                return new ByteArrayInputStream(files.download(caller, serial, f.path()).get(
                        files.maxFileBytes() / 100_000 + 120, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("download of " + f.path() + " failed: " + e.getMessage(), e);
            }
        });
        Anchor a = new Anchor(resource, f.name());
        a.getElement().setAttribute("download", true);
        a.setId("remote-files-download-" + f.name());
        return a;
    }
}
