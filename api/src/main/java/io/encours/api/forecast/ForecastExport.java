package io.encours.api.forecast;

import io.encours.api.forecast.ForecastQueries.ExportRow;
import io.encours.api.query.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The forecast as a file, one row per day and component (PROMISED, INVOICES), columns
 * {@code day, dayIndex, entity, segment, component, amount} in the three formats.
 */
final class ForecastExport {

    static final List<String> COLUMNS = List.of("day", "dayIndex", "entity", "segment", "component", "amount");

    private ForecastExport() {
    }

    /** RFC 4180, CRLF, UTF-8 without BOM, amounts with 2 decimals (values are ids, dates, numbers). */
    static byte[] csv(List<ExportRow> rows) {
        StringBuilder out = new StringBuilder(64 * (rows.size() + 1));
        out.append(String.join(",", COLUMNS)).append("\r\n");
        for (ExportRow r : rows) {
            out.append(r.day()).append(',').append(r.dayIndex()).append(',').append(cell(r.entity())).append(',')
                    .append(cell(r.segment())).append(',').append(r.component()).append(',')
                    .append(r.amount() == null ? "" : r.amount().setScale(2).toPlainString()).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * DuckDB writes the file: {@code COPY (the export query) TO '<temp file>' (FORMAT parquet)},
     * with the query's bound parameters; the temp file is read back and deleted.
     */
    static byte[] parquet(Snapshot snapshot, String sql, Object[] params) {
        Path file = null;
        try {
            file = Files.createTempFile("encours-forecast-", ".parquet");
            String target = file.toAbsolutePath().toString();
            if (target.indexOf('\'') >= 0) {
                throw new IllegalStateException("temporary folder path holds a quote: " + target);
            }
            snapshot.jdbcTemplate().update("COPY (" + sql + ") TO '" + target + "' (FORMAT parquet)", params);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temp file left behind; nothing else to do
                }
            }
        }
    }

    /** One sheet "forecast" (header, dates, amounts as numbers with 2 decimals) and one "about". */
    static byte[] xlsx(List<ExportRow> rows, String runId, LocalDate snapshotDate, int horizon) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle amount = book.createCellStyle();
            amount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));

            Sheet sheet = book.createSheet("forecast");
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(COLUMNS.get(i));
                head.getCell(i).setCellStyle(header);
            }
            int n = 1;
            for (ExportRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.day());
                row.getCell(0).setCellStyle(date);
                row.createCell(1).setCellValue(r.dayIndex());
                row.createCell(2).setCellValue(r.entity());
                row.createCell(3).setCellValue(r.segment());
                row.createCell(4).setCellValue(r.component());
                if (r.amount() != null) {
                    row.createCell(5).setCellValue(r.amount().doubleValue());
                    row.getCell(5).setCellStyle(amount);
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(0, 12 * 256);
            sheet.setColumnWidth(2, 16 * 256);
            sheet.setColumnWidth(3, 14 * 256);
            sheet.setColumnWidth(4, 12 * 256);
            sheet.setColumnWidth(5, 16 * 256);

            Sheet about = book.createSheet("about");
            String[][] facts = {{"runId", runId}, {"snapshotDate", snapshotDate.toString()},
                    {"horizonDays", Integer.toString(horizon)},
                    {"amounts", "EUR, expected cash-in per day and component (PROMISED: open promises x p_keep; "
                            + "INVOICES: open invoices by the delay curves)"}};
            for (int i = 0; i < facts.length; i++) {
                Row row = about.createRow(i);
                row.createCell(0).setCellValue(facts[i][0]);
                row.createCell(1).setCellValue(facts[i][1]);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
