package org.coffeecontrol.tickets.internal.act;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ActPdfTest {

    static ServiceAct act(byte[] signaturePng) {
        return new ServiceAct("T-2026-000042", "IS-7781", Instant.parse("2026-03-02T07:15:00Z"), "ООО «Кофе Плюс»",
                "АЗС №17 Лесная", "г. Москва, ул. Лесная, д. 5", "WMF 1500S+", "SN-1500-0042",
                "Ошибка E7: заклинило заварочный блок", "Иванов Пётр", Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T10:30:00Z"), "Ожидание запчасти со склада: 1 ч 30 мин",
                List.of(new ServiceAct.Consumable("Таблетки для чистки", "2", "шт"),
                        new ServiceAct.Consumable("Средство от накипи", "0.5", "л")),
                List.of(new ServiceAct.Line("WMF-33.2", true, "1", "Заварочный блок в сборе", "BB-99812", true),
                        new ServiceAct.Line("W-010", false, "1.5", "Замена и юстировка блока", null, false)),
                new ServiceAct.Signature("Иванов П.", signaturePng),
                new ServiceAct.Signature("Смирнова А. (администратор ТП)", null));
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(120, 40, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.drawLine(5, 30, 110, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] pngUnchecked() {
        try {
            return png();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cyrillicTextSurvivesARoundTripThroughTheEmbeddedFont() throws Exception {
        byte[] pdf = new ActPdf(ZoneId.of("Europe/Moscow")).render(act(png()));
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages(), "fixed one-page layout for a typical act");
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of("АКТ ВЫПОЛНЕННЫХ РАБОТ № T-2026-000042", "ООО «Кофе Плюс»",
                    "АЗС №17 Лесная", "г. Москва, ул. Лесная, д. 5", "Заварочный блок в сборе", "BB-99812",
                    "Таблетки для чистки", "Средство от накипи", "Ожидание запчасти со склада: 1 ч 30 мин",
                    "Иванов П.", "Смирнова А. (администратор ТП)", "02.03.2026 12:00", "02.03.2026 13:30",
                    "запчасть", "работа")) {
                assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
            }
            PDFont font = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the font travels with the document");
            assertTrue(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "signature image");
        }
    }

    @Test
    void missingValuesPrintAsDashesNotNull() throws Exception {
        ServiceAct empty = new ServiceAct("T-1", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        try (PDDocument doc = Loader.loadPDF(new ActPdf(ZoneId.of("UTC")).render(empty))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("—"), text);
            assertTrue(text.contains("нет / none"), text);
            assertTrue(!text.contains("null"), text);
        }
    }
}
