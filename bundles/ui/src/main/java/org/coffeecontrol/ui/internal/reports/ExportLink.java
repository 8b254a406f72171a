package org.coffeecontrol.ui.internal.reports;

import java.util.Locale;

import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportService;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Downloads the result on screen as a file. The reports service writes straight into the HTTP response (its xlsx
 * writer streams), so a large result is never held twice in memory. Ids: {@code report-export-xlsx},
 * {@code report-export-csv}.
 */
final class ExportLink extends Anchor {
    private static final long serialVersionUID = 1L;

    ExportLink(ReportService reports, ReportResult result, ExportFormat format, String label) {
        super(handler(reports, result, format), AttachmentType.DOWNLOAD, "");
        String ext = format.extension();
        setId("report-export-" + ext);
        addClassName("report-export");
        add(VaadinIcon.DOWNLOAD_ALT.create());
        add(" " + label);
        getElement().setAttribute("title", fileName(result, format));
    }

    private static DownloadHandler handler(ReportService reports, ReportResult result, ExportFormat format) {
        return event -> {
            event.setFileName(fileName(result, format));
            event.setContentType(format.mediaType());
            reports.export(result, format, event.getOutputStream());
        };
    }

    /** e.g. {@code drinks_2026-03-01_2026-03-31.xlsx}. */
    static String fileName(ReportResult result, ExportFormat format) {
        ReportRequest r = result.request();
        StringBuilder name = new StringBuilder(result.reportId());
        if (r != null) {
            if (r.from() != null) {
                name.append('_').append(r.from());
            }
            if (r.to() != null) {
                name.append('_').append(r.to());
            }
        }
        return name.toString().replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension().toLowerCase(Locale.ROOT);
    }
}
