package io.encours.api.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ForecastControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/forecast";

    @Test
    void daysWeeksAndMonths() throws Exception {
        as(CFO, URL).andExpect(status().isOk())
                .andExpect(jsonPath("$.horizon").value(10))
                .andExpect(jsonPath("$.granularity").value("day"))
                .andExpect(jsonPath("$.points.length()").value(10))
                .andExpect(jsonPath("$.points[0].periodStart").value("2025-07-01"))
                .andExpect(jsonPath("$.points[0].promised").value(100.0))
                .andExpect(jsonPath("$.points[0].invoices").value(1001.0))
                .andExpect(jsonPath("$.points[0].total").value(1101.0))
                .andExpect(jsonPath("$.points[0].low").value(880.8))
                .andExpect(jsonPath("$.points[0].high").value(1321.2));
        as(CFO, URL + "?granularity=week")
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].periodEnd").value("2025-07-07"))
                .andExpect(jsonPath("$.points[0].total").value(7128.0))
                .andExpect(jsonPath("$.points[0].low").value(6058.8))
                .andExpect(jsonPath("$.points[1].periodStart").value("2025-07-08"))
                .andExpect(jsonPath("$.points[1].high").value(3481.05));
        // A shorter horizon cuts the last week: the sums of its days inside it, no range.
        as(CFO, URL + "?granularity=week&horizon=9")
                .andExpect(jsonPath("$.horizon").value(9))
                .andExpect(jsonPath("$.points[1].periodEnd").value("2025-07-09"))
                .andExpect(jsonPath("$.points[1].total").value(2017.0))
                .andExpect(jsonPath("$.points[1].low").value(nullValue()));
        as(CFO, URL + "?granularity=month")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].total").value(10155.0))
                .andExpect(jsonPath("$.points[0].low").value(8631.75));
        as(CFO, URL + "?horizon=3").andExpect(jsonPath("$.points.length()").value(3));
    }

    @Test
    void consolidationAndScopes() throws Exception {
        as(CFO, URL + "?entity=ENT-01&entity=ENT-02&horizon=1")
                .andExpect(jsonPath("$.points[0].total").value(1101.0))
                .andExpect(jsonPath("$.points[0].low").value(nullValue()))
                .andExpect(jsonPath("$.points[0].high").value(nullValue()));
        as(ENTITY_CFO, URL + "?horizon=1")
                .andExpect(jsonPath("$.points[0].total").value(701.0))
                .andExpect(jsonPath("$.points[0].low").value(560.8));
        expect403(ENTITY_CFO, URL + "?entity=ENT-02");
        expect403(COLLECTOR, URL);
        expect403(COLLECTOR, URL + "/backtest");
        expect403(COLLECTOR, URL + "/export");
        as(ANALYST, URL).andExpect(status().isOk());
        as(ANALYST, URL + "/backtest").andExpect(status().isOk());
        as(ANALYST, URL + "/export").andExpect(status().isOk());
    }

    @Test
    void backtest() throws Exception {
        as(CFO, URL + "/backtest").andExpect(status().isOk())
                .andExpect(jsonPath("$.cutoffs").value(26))
                .andExpect(jsonPath("$.firstCutoff").value("2024-10-07"))
                .andExpect(jsonPath("$.wape").value(0.1823))
                .andExpect(jsonPath("$.rangeLevel").value(0.8))
                .andExpect(jsonPath("$.horizons.length()").value(2))
                .andExpect(jsonPath("$.horizons[0].week").value(1))
                .andExpect(jsonPath("$.horizons[0].wape").value(0.1235))
                .andExpect(jsonPath("$.horizons[0].baselineWape").value(0.5))
                .andExpect(jsonPath("$.horizons[0].coverage").value(0.8462))
                .andExpect(jsonPath("$.horizons[1].actual").value(2000.0));
        as(ENTITY_CFO, URL + "/backtest")
                .andExpect(jsonPath("$.horizons.length()").value(1))
                .andExpect(jsonPath("$.horizons[0].wape").value(0.2))
                .andExpect(jsonPath("$.cutoffs").value(nullValue()));
        expect400(URL + "/backtest?entity=ENT-01&entity=ENT-02", "entity",
                "the forecast backtest cannot be consolidated over several entities");
        assertThat(body(csv(CFO, URL + "/backtest"))).startsWith(
                "week,wape,baselineWape,coverage,actual,forecast,baseline\r\n1,0.1235,0.5000,0.8462,1000.00,1100.00,1500.00\r\n");
    }

    @Test
    void exportAsCsvParquetAndXlsx() throws Exception {
        String csv = body(as(CFO, URL + "/export?horizon=2")
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"encours-forecast-20250701T060000Z.csv\""))
                .andExpect(header().string("Encours-Run-Id", "20250701T060000Z")));
        assertThat(csv).isEqualTo("day,dayIndex,entity,segment,component,amount\r\n"
                + "2025-07-01,1,ALL,ALL,PROMISED,100.00\r\n"
                + "2025-07-01,1,ALL,ALL,INVOICES,1001.00\r\n"
                + "2025-07-02,2,ALL,ALL,PROMISED,0.00\r\n"
                + "2025-07-02,2,ALL,ALL,INVOICES,1002.00\r\n");
        assertThat(body(as(CFO, URL + "/export?horizon=1&entity=ENT-01,ENT-02")))
                .contains("2025-07-01,1,ENT-01+ENT-02,ALL,INVOICES,1001.00");

        byte[] parquet = as(ENTITY_CFO, URL + "/export?format=parquet")
                .andExpect(content().contentType("application/vnd.apache.parquet"))
                .andReturn().getResponse().getContentAsByteArray();
        Path file = Files.createTempFile("forecast-test", ".parquet");
        try {
            Files.write(file, parquet);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), sum(amount), min(entity), "
                            + "string_agg(DISTINCT component, '|' ORDER BY component) FROM read_parquet('" + file + "')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(20);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("6155.00");
                assertThat(rs.getString(3)).isEqualTo("ENT-01");
                assertThat(rs.getString(4)).isEqualTo("INVOICES|PROMISED");
            }
        } finally {
            Files.deleteIfExists(file);
        }

        byte[] xlsx = as(CFO, URL + "/export?format=XLSX&horizon=1")
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"encours-forecast-20250701T060000Z.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("forecast");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("amount");
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).hasToString("2025-07-01");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("INVOICES");
            assertThat(sheet.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(1001.0);
            assertThat(book.getSheet("about").getRow(0).getCell(1).getStringCellValue()).isEqualTo("20250701T060000Z");
        }
    }

    @Test
    void badParameters() throws Exception {
        expect400(URL + "?horizon=11", "horizon", "horizon must be between 1 and 10 (the published horizon, days), got 11");
        expect400(URL + "?horizon=0", "horizon", "horizon must be between 1 and 10");
        expect400(URL + "?horizon=x", "horizon", "must be an integer");
        expect400(URL + "?granularity=year", "granularity", "must be one of day|week|month");
        expect400(URL + "?collector=COL-01", "collector", "the forecast is not split by collector");
        expect400(URL + "/export?format=pdf", "format", "must be one of csv|parquet|xlsx");
        expect400(URL + "/export?horizon=91", "horizon", "horizon must be between 1 and 10");
    }
}
