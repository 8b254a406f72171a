package org.coffeecontrol.reports.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;

/**
 * xlsx through POI's streaming writer (SXSSF): only a window of rows stays in memory, the rest goes to a
 * compressed temporary file, so a 100,000-row report needs little heap. One sheet: bold filled header row (frozen),
 * typed cells (dates as dates, numbers as numbers, percentages as fractions with a % format), bold subtotals, a
 * totals row, and REP-4's states coloured like the legend.
 */
public final class XlsxExport {

    private static final int WINDOW = 200;

    private enum Look { PLAIN, SUBTOTAL, TOTAL }

    private XlsxExport() {
    }

    public static void write(ReportResult result, OutputStream out) throws IOException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        // XMLBeans finds POI's schema types through the context loader; in OSGi that must be this bundle.
        t.setContextClassLoader(XlsxExport.class.getClassLoader());
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try {
            // The temporary sheet file stays uncompressed: gzip on the way out and gunzip on the way back cost more
            // CPU than the export itself saves (~0.5 KB of disk per row, deleted by dispose()).
            wb.setCompressTempFiles(false);
            new Writer(wb, result).write();
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
            t.setContextClassLoader(previous);
        }
    }

    private static final class Writer {
        private final SXSSFWorkbook wb;
        private final ReportResult result;
        private final ZoneId zone;
        private final DataFormat formats;
        private final Map<Look, Map<ColumnType, CellStyle>> styles = new EnumMap<>(Look.class);
        private final Map<String, CellStyle> stateStyles = new HashMap<>();

        Writer(SXSSFWorkbook wb, ReportResult result) {
            this.wb = wb;
            this.result = result;
            this.zone = ZoneId.of(result.zone());
            this.formats = wb.createDataFormat();
        }

        void write() {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(result.title()));
            List<Column> columns = result.columns();
            CellStyle header = header();
            Row h = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(columns.get(i).title());
                c.setCellStyle(header);
                sheet.setColumnWidth(i, width(columns.get(i)));
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (ReportRow row : result.rows()) {
                write(sheet.createRow(r++), row.cells(), row.kind() == ReportRow.Kind.SUBTOTAL ? Look.SUBTOTAL : Look.PLAIN);
            }
            if (result.totals() != null) {
                write(sheet.createRow(r), result.totals(), Look.TOTAL);
            }
        }

        private void write(Row row, List<Object> cells, Look look) {
            List<Column> columns = result.columns();
            for (int i = 0; i < columns.size() && i < cells.size(); i++) {
                Object v = cells.get(i);
                ColumnType type = columns.get(i).type();
                Cell c = row.createCell(i);
                if (v == null) {
                    c.setCellStyle(style(look, ColumnType.TEXT));
                    continue;
                }
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        c.setCellStyle(style(look, ColumnType.TEXT));
                        continue;
                    }
                    c.setCellValue(type == ColumnType.PERCENT ? d / 100 : d);
                    c.setCellStyle(style(look, type == ColumnType.TEXT ? ColumnType.DECIMAL : type));
                } else if (v instanceof LocalDate d) {
                    c.setCellValue(d);
                    c.setCellStyle(style(look, ColumnType.DATE));
                } else if (v instanceof Instant t) {
                    c.setCellValue(LocalDateTime.ofInstant(t, zone));
                    c.setCellStyle(style(look, ColumnType.DATETIME));
                } else {
                    c.setCellValue(String.valueOf(v));
                    c.setCellStyle(type == ColumnType.STATE && look == Look.PLAIN ? state(String.valueOf(v))
                            : style(look, ColumnType.TEXT));
                }
            }
        }

        private CellStyle header() {
            CellStyle s = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            s.setFont(f);
            s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setBorderBottom(BorderStyle.THIN);
            s.setWrapText(true);
            return s;
        }

        private CellStyle style(Look look, ColumnType type) {
            return styles.computeIfAbsent(look, l -> new EnumMap<>(ColumnType.class)).computeIfAbsent(type, ty -> {
                CellStyle s = wb.createCellStyle();
                String format = switch (ty) {
                    case INTEGER, MINUTES -> "#,##0";
                    case DECIMAL -> "#,##0.00";
                    case PERCENT -> "0.0%";
                    case DATE -> "yyyy-mm-dd";
                    case DATETIME -> "yyyy-mm-dd hh:mm";
                    default -> null;
                };
                if (format != null) {
                    s.setDataFormat(formats.getFormat(format));
                }
                if (look != Look.PLAIN) {
                    Font f = wb.createFont();
                    f.setBold(true);
                    s.setFont(f);
                }
                if (look == Look.TOTAL) {
                    s.setBorderTop(BorderStyle.MEDIUM);
                }
                return s;
            });
        }

        private CellStyle state(String value) {
            return stateStyles.computeIfAbsent(value, v -> {
                CellStyle s = wb.createCellStyle();
                IndexedColors colour = switch (v) {
                    case "CLEANED_IN_SCHEDULE" -> IndexedColors.LIGHT_GREEN;
                    case "CLEANED_OUT_OF_SCHEDULE" -> IndexedColors.LIGHT_YELLOW;
                    case "NOT_CLEANED" -> IndexedColors.ROSE;
                    case "NOT_ONLINE" -> IndexedColors.GREY_25_PERCENT;
                    default -> null;
                };
                if (colour != null) {
                    s.setFillForegroundColor(colour.getIndex());
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                return s;
            });
        }

        private static int width(Column c) {
            int chars = switch (c.type()) {
                case DATE -> 12;
                case DATETIME -> 17;
                case TEXT -> 24;
                case STATE -> 12;
                default -> 12;
            };
            return Math.min(60, Math.max(chars, c.title().length() + 2)) * 256;
        }
    }
}
