package org.coffeecontrol.tickets.internal.act;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Renders a {@link ServiceAct} as an A4 PDF in a fixed layout: header, object block, works and parts table,
 * consumables table, downtime justification, two signature boxes. The font is Liberation Sans 2 (SIL Open Font
 * Licence) that the OpenPDF jar from Maven Central carries as {@code font-fallback/LiberationSans-Regular.ttf}; it
 * is embedded as a subset with Identity-H encoding, so Cyrillic renders on any viewer and extracts as text again.
 * Headings use OpenPDF's simulated bold of the same font.
 */
public final class ActPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
    private static final String DASH = "—";
    static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

    private final ZoneId zone;
    private final byte[] fontBytes;

    public ActPdf(ZoneId zone) {
        this.zone = zone;
        this.fontBytes = font(FONT);
    }

    private static byte[] font(String path) {
        try (InputStream in = com.lowagie.text.Document.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(ServiceAct act) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            // Fonts are made per document: a BaseFont keeps the subset of glyphs it used.
            BaseFont base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, fontBytes, null);
            Font text = new Font(base, 9);
            Font strong = new Font(base, 9, Font.BOLD);
            Font title = new Font(base, 14, Font.BOLD);
            doc.addTitle("Акт выполненных работ " + nz(act.ticketNumber()));
            doc.addCreator("Coffee Control");
            doc.open();

            Paragraph head = new Paragraph("АКТ ВЫПОЛНЕННЫХ РАБОТ № " + nz(act.ticketNumber()), title);
            head.setAlignment(Element.ALIGN_CENTER);
            doc.add(head);
            Paragraph sub = new Paragraph("Service act for ticket " + nz(act.ticketNumber())
                    + (act.externalNumber() == null ? "" : " (ext. " + act.externalNumber() + ")")
                    + ", " + when(act.createdAt()), text);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            doc.add(sub);

            PdfPTable object = new PdfPTable(new float[] { 30, 70 });
            object.setWidthPercentage(100);
            row(object, "Клиент / Client", act.clientName(), strong, text);
            row(object, "Точка продаж / POS", act.posName(), strong, text);
            row(object, "Адрес / Address", act.posAddress(), strong, text);
            row(object, "Оборудование / Equipment", act.equipment(), strong, text);
            row(object, "Серийный № / Serial", act.serialNumber(), strong, text);
            row(object, "Причина / Reason", act.reason(), strong, text);
            row(object, "Исполнитель / Engineer", act.executor(), strong, text);
            row(object, "Начало работ / Work start", when(act.workStart()), strong, text);
            row(object, "Окончание / Work end", when(act.workEnd()), strong, text);
            doc.add(object);

            section(doc, "Выполненные работы и запчасти / Works and parts", strong);
            doc.add(table(new float[] { 14, 10, 8, 38, 18, 12 },
                    new String[] { "Артикул", "Вид", "Кол-во", "Описание", "Серийный №", "Гарантия" },
                    act.lines().stream().map(l -> new String[] { l.article(), l.part() ? "запчасть" : "работа",
                            l.quantity(), l.description(), l.serial(), l.warranty() ? "да" : "нет" }).toList(),
                    strong, text));

            section(doc, "Расходные материалы / Consumables", strong);
            doc.add(table(new float[] { 60, 20, 20 }, new String[] { "Наименование", "Кол-во", "Ед." },
                    act.consumables().stream().map(c -> new String[] { c.name(), c.quantity(), c.unit() }).toList(),
                    strong, text));

            section(doc, "Обоснование простоя / Downtime justification", strong);
            doc.add(new Paragraph(nz(act.downtimeJustification()), text));

            section(doc, "Подписи сторон / Signatures", strong);
            PdfPTable signatures = new PdfPTable(2);
            signatures.setWidthPercentage(100);
            signatures.addCell(signature("Исполнитель / Engineer", act.engineerSignature(), strong, text));
            signatures.addCell(signature("Представитель ТП / POS representative", act.customerSignature(), strong,
                    text));
            doc.add(signatures);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("could not render the service act: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A full-width table with a repeated header row; "none" across it when there are no rows. */
    private static PdfPTable table(float[] widths, String[] headers, java.util.List<String[]> rows, Font strong,
            Font text) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            table.addCell(cell(h, strong));
        }
        if (rows.isEmpty()) {
            PdfPCell none = cell("нет / none", text);
            none.setColspan(headers.length);
            table.addCell(none);
        }
        for (String[] row : rows) {
            for (String value : row) {
                table.addCell(cell(value, text));
            }
        }
        return table;
    }

    private static void section(Document doc, String title, Font font) {
        Paragraph p = new Paragraph(title, font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static void row(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        table.addCell(cell(label, labelFont));
        table.addCell(cell(value, valueFont));
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(nz(value), font));
        c.setPadding(3);
        return c;
    }

    private static PdfPCell signature(String role, ServiceAct.Signature s, Font strong, Font text) throws IOException {
        PdfPCell c = new PdfPCell();
        c.setPadding(6);
        c.setMinimumHeight(90);
        c.addElement(new Paragraph(role, strong));
        if (s != null && s.png() != null && s.png().length > 0) {
            Image image = Image.getInstance(s.png());
            image.scaleToFit(180, 50);
            c.addElement(image);
        } else {
            Paragraph line = new Paragraph("____________________", text);
            line.setSpacingBefore(20);
            c.addElement(line);
        }
        c.addElement(new Paragraph(s == null ? DASH : nz(s.name()), text));
        c.setBorder(Rectangle.BOX);
        return c;
    }

    private String when(Instant t) {
        return t == null ? DASH : WHEN.format(t.atZone(zone));
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? DASH : s;
    }
}
