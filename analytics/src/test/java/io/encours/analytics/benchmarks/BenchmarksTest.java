package io.encours.analytics.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.analytics.balances.Documents;
import io.encours.analytics.cube.Dec;
import io.encours.analytics.cube.History;
import io.encours.analytics.cube.Periods;
import io.encours.analytics.cube.TableRows;
import io.encours.testing.TestSpark;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped national figures and the comparison with ours, on hand-made cubes: T =
 * 2025-06-30, history 2024-07 … 2025-06 (coverage from 2024-07-01), the group's delay in
 * 2025-Q2 = 19.2 days, Sales(2024-06-30, 2025-06-30] = 50 000 000.
 */
class BenchmarksTest {
    private static final LocalDate T = LocalDate.parse("2025-06-30");
    private static List<NationalFigure> figures;
    private static TableRows compared;

    @BeforeAll
    static void compare() {
        SparkSession spark = TestSpark.get();
        figures = NationalBenchmarks.load();
        History history = History.of(Documents.monthEnds(LocalDate.parse("2024-07-01"), T), T);
        StructType cellSchema = new StructType().add("entity_key", DataTypes.StringType)
                .add("segment_key", DataTypes.StringType).add("collector_key", DataTypes.StringType);
        Dataset<Row> cells = spark.createDataFrame(List.of(RowFactory.create("*", "*", "*")), cellSchema);
        // April 2025: 1000 settled with 19 200 EUR·days late → 19.2 days
        Dataset<Row> delays = spark.createDataFrame(List.of(RowFactory.create(Date.valueOf("2025-04-01"), "*", "*", "*",
                        1L, new BigDecimal("1000"), 1L, 19L, new BigDecimal("19200"))),
                new StructType().add("month_start", DataTypes.DateType).add(cellSchema.fields()[0])
                        .add(cellSchema.fields()[1]).add(cellSchema.fields()[2])
                        .add("invoices_settled", DataTypes.LongType).add("amount_settled", Dec.EUR)
                        .add("invoices_paid_late", DataTypes.LongType).add("days_late_total", DataTypes.LongType)
                        .add("amount_days_late", Dec.EUR));
        Dataset<Row> aging = spark.createDataFrame(List.of(RowFactory.create(Date.valueOf(T), "*", "*", "*",
                        new BigDecimal("12000000"))),
                new StructType().add("as_of", DataTypes.DateType).add(cellSchema.fields()[0])
                        .add(cellSchema.fields()[1]).add(cellSchema.fields()[2]).add("total", Dec.EUR));
        BigDecimal fifty = new BigDecimal("50000000");
        Dataset<Row> sales = spark.createDataFrame(List.of(RowFactory.create(Date.valueOf(T), "*", "*", "*",
                        fifty, fifty, fifty, fifty, fifty)),
                new StructType().add("as_of", DataTypes.DateType).add(cellSchema.fields()[0])
                        .add(cellSchema.fields()[1]).add(cellSchema.fields()[2]).add("sales_30", Dec.EUR)
                        .add("sales_60", Dec.EUR).add("sales_90", Dec.EUR).add("sales_180", Dec.EUR)
                        .add("sales_365", Dec.EUR));
        compared = new TableRows("fin_benchmarks",
                Benchmarks.compare(spark, history, figures, cells, delays, aging, sales).collectAsList());
    }

    @Test
    void shippedFiguresParse() {
        assertThat(figures).hasSize(44);
        assertThat(figures).extracting(NationalFigure::family).containsOnly("DELAY", "DSO");
        assertThat(figures.stream().filter(f -> f.family().equals("DSO")).map(NationalFigure::source))
                .allMatch(s -> s.contains("Banque de France") || s.contains("ODP"));
        assertThat(figures.stream().filter(f -> f.family().equals("DELAY") && !f.source().startsWith("ODP"))
                .map(NationalFigure::source)).containsOnly("Altares", "Ellisphere");
        NationalFigure h1 = figures.stream().filter(f -> f.period().equals("2024-H1") && f.scopeType().equals("ALL"))
                .findFirst().orElseThrow();
        assertThat(h1.granularity()).isEqualTo(Periods.HALF);
        assertThat(h1.periodEnd()).isEqualTo(LocalDate.parse("2024-06-30"));
        assertThat(h1.valueDays()).isEqualByComparingTo("12.9");
        assertThat(h1.scope()).isEqualTo("France, all companies"); // quoted field with a comma
    }

    @Test
    void badCsvIsRefused() {
        String csv = String.join(",", NationalBenchmarks.HEADER) + "\nSALES,2024,ALL,x,,1,s,d,\n";
        assertThatThrownBy(() -> NationalBenchmarks.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("SALES");
    }

    @Test
    void cashAtStakeOfAGapOf5Point1DaysOn50Million() {
        // Altares 2025-Q2, France: 14.1 → gap 19.2 − 14.1 = 5.1 days; 5.1 × 50 000 000 / 365 = 698 630.14
        Row altares = compared.one("source", "Altares", "period", "2025-Q2", "scope_type", "ALL");
        assertThat(TableRows.dec(altares, "gap_days")).isEqualByComparingTo("5.1");
        assertThat(TableRows.dec(altares, "cash_at_stake").setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("698630.14");
        assertThat(altares.getString(altares.fieldIndex("granularity"))).isEqualTo("quarter");
        // Ellisphere 2025-Q2: 19.07 → 0.13 × 50 000 000 / 365 = 17 808.22
        Row ellisphere = compared.one("source", "Ellisphere", "period", "2025-Q2", "scope_type", "ALL");
        assertThat(TableRows.dec(ellisphere, "cash_at_stake").setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("17808.22");
        // a national figure above ours frees nothing: Ellisphere 2025-Q2 public hospitals 31
        Row hospitals = compared.one("source", "Ellisphere", "period", "2025-Q2", "scope_type", "SECTOR");
        assertThat(TableRows.dec(hospitals, "gap_days")).isEqualByComparingTo("-11.8");
        assertThat(TableRows.dec(hospitals, "cash_at_stake")).isEqualByComparingTo("0");
    }

    @Test
    void onlyCoveredPeriodsAreCompared() {
        // coverage from 2024-07-01 to T: 2024-Q4, 2025-Q1, 2025-Q2 only; no year, no half (2024 starts
        // before the history), no DSO (the last BdF year ends 2023-12-31)
        assertThat(compared.all().stream().map(r -> r.getString(r.fieldIndex("period"))).distinct())
                .containsExactlyInAnyOrder("2024-Q4", "2025-Q1", "2025-Q2");
        assertThat(compared.where("family", "DSO")).isEmpty();
        // no settled invoice in 2025-Q1 in the cube: ours is null, and so are the gap and the cash
        Row q1 = compared.one("period", "2025-Q1");
        assertThat(TableRows.dec(q1, "ours")).isNull();
        assertThat(TableRows.dec(q1, "cash_at_stake")).isNull();
    }

    @Test
    void dsoCoverageNeedsItsWindow() {
        History history = History.of(Documents.monthEnds(LocalDate.parse("2023-10-01"), T), T);
        NationalFigure bdf2023 = figures.stream().filter(f -> f.family().equals("DSO") && f.period().equals("2023")
                && f.scopeType().equals("ALL")).findFirst().orElseThrow();
        // (2023-10-02, 2023-12-31] lies in the history: compared; a year of sales before it is not
        assertThat(Benchmarks.covered(bdf2023, history)).isTrue();
        assertThat(Benchmarks.salesYearCovered(bdf2023, history)).isFalse();
        History shorter = History.of(Documents.monthEnds(LocalDate.parse("2023-11-01"), T), T);
        assertThat(Benchmarks.covered(bdf2023, shorter)).isFalse();
    }
}
