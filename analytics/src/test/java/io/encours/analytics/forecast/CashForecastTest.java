package io.encours.analytics.forecast;

import static io.encours.testing.SnapshotFixture.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.encours.analytics.balances.Documents;
import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole forecast on synthetic debtors whose behaviour is known: the model must recover it,
 * and the backtest of a one-debtor cell is computed by hand. T = 2025-06-30, H = 30 days, two
 * cutoffs of two weeks: 2025-06-09 and 2025-06-16. History payments fall on weekdays only.
 */
class CashForecastTest {
    private static final LocalDate T = d("2025-06-30");
    private static final ForecastConfig CONFIG = new ForecastConfig(30, 2, 2, 3, 5, 0.8, 182);
    private static final double EPS = 1e-6;
    private static Map<String, List<Row>> tables;

    @BeforeAll
    static void forecast() {
        SparkSession spark = TestSpark.get();
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("entities", "E2", "Entity two", "FR")
                .add("debtors", "P1", "E1", "Pub one", "PUBLIC", null, null, null, null, null, null, null)
                .add("debtors", "P2", "E1", "Pub two", "PUBLIC", null, null, null, null, null, null, null)
                .add("debtors", "S1", "E1", "Sme one", "SME", null, null, null, null, null, null, null)
                .add("debtors", "S2", "E1", "Sme two", "SME", null, null, null, null, null, null, null)
                .add("debtors", "M1", "E2", "Micro one", "MICRO", null, null, null, null, null, null, null);
        // PUBLIC: every invoice paid exactly 10 days after its due date.
        invoicePaid(f, "PA1", "P1", "2024-12-06", "2025-01-05", "2025-01-15");
        invoicePaid(f, "PA2", "P1", "2025-01-03", "2025-02-02", "2025-02-12");
        invoicePaid(f, "PA3", "P1", "2025-01-31", "2025-03-02", "2025-03-12");
        invoicePaid(f, "PB1", "P2", "2024-12-13", "2025-01-12", "2025-01-22");
        invoicePaid(f, "PB2", "P2", "2025-01-10", "2025-02-09", "2025-02-19");
        invoicePaid(f, "PB3", "P2", "2025-02-07", "2025-03-09", "2025-03-19");
        f.add("invoices", "PO", "P1", "INVOICE", null, d("2025-05-30"), d("2025-06-29"), 1000, "EUR", null)
                .add("invoices", "PD", "P2", "INVOICE", null, d("2025-05-26"), d("2025-06-25"), 300, "EUR", null)
                .add("disputes", "X1", "PD", d("2025-06-01"), null, "PRICE")
                .add("invoices", "PP", "P2", "INVOICE", null, d("2025-05-29"), d("2025-06-28"), 400, "EUR", null)
                .add("payment_promises", "PR1", "P2", "PP", "C1", d("2025-06-25"), d("2025-07-03"), 400, "EUR");
        // SME: S1 pays on the due date (8 invoices), S2 20 days late (2 invoices).
        String[] s1Due = {"2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10",
            "2025-02-17", "2025-02-24"};
        for (int i = 0; i < s1Due.length; i++) {
            LocalDate due = d(s1Due[i]);
            invoicePaid(f, "SA" + i, "S1", due.minusDays(30).toString(), s1Due[i], s1Due[i]);
        }
        invoicePaid(f, "SB1", "S2", "2025-01-21", "2025-02-20", "2025-03-12");
        invoicePaid(f, "SB2", "S2", "2025-02-04", "2025-03-06", "2025-03-26");
        f.add("invoices", "SO", "S2", "INVOICE", null, d("2025-05-21"), d("2025-06-20"), 2000, "EUR", null);
        // MICRO (entity E2, one debtor): paid 6 days late, then X and Y around the cutoffs.
        invoicePaid(f, "MA1", "M1", "2025-01-28", "2025-02-27", "2025-03-05");
        invoicePaid(f, "MA2", "M1", "2025-02-04", "2025-03-06", "2025-03-12");
        invoicePaid(f, "MA3", "M1", "2025-02-11", "2025-03-13", "2025-03-19");
        f.add("invoices", "X", "M1", "INVOICE", null, d("2025-05-01"), d("2025-06-12"), 500, "EUR", null)
                .add("payments", "PX1", "X", d("2025-06-18"), 200, "TRANSFER")
                .add("payments", "PX2", "X", d("2025-06-25"), 300, "TRANSFER")
                .add("invoices", "Y", "M1", "INVOICE", null, d("2025-06-12"), d("2025-06-20"), 100, "EUR", null)
                .add("payments", "PY", "Y", d("2025-06-19"), 100, "TRANSFER");
        CuratedSnapshot s = CuratedFixture.of(spark, f, T);
        Dataset<Row> applications = Documents.applications(s).cache();
        Dataset<Row> documents = Documents.documents(s, applications).cache();
        tables = CashForecast.compute(spark, s, documents, applications, CONFIG).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().collectAsList()));
    }

    private static void invoicePaid(SnapshotFixture f, String id, String debtor, String issue, String due, String paid) {
        f.add("invoices", id, debtor, "INVOICE", null, d(issue), d(due), 100, "EUR", null)
                .add("payments", "P-" + id, id, d(paid), 100, "TRANSFER");
    }

    private static Object get(Row r, String column) {
        return r.get(r.fieldIndex(column));
    }

    private static double num(Row r, String column) {
        Object v = get(r, column);
        return v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
    }

    private static List<Row> rows(String table, String entity, String segment) {
        return tables.get(table).stream()
                .filter(r -> get(r, "entity_key").equals(entity) && get(r, "segment_key").equals(segment)).toList();
    }

    private static Row invoice(String id) {
        return tables.get(CashForecast.INVOICES).stream().filter(r -> get(r, "invoice_id").equals(id)).findFirst()
                .orElseThrow();
    }

    /** Non-zero days of a column of forecast_daily in a cell, as "date=amount". */
    private static List<String> nonZeroDays(String entity, String segment, String column) {
        return rows(CashForecast.DAILY, entity, segment).stream().filter(r -> num(r, column) != 0)
                .sorted((a, b) -> ((java.sql.Date) get(a, "day")).compareTo((java.sql.Date) get(b, "day")))
                .map(r -> get(r, "day") + "=" + ((BigDecimal) get(r, column)).stripTrailingZeros().toPlainString())
                .toList();
    }

    @Test
    void anInvoiceDueYesterdayInASegmentPayingTenDaysLateIsExpectedNineDaysLater() {
        // PO: due 2025-06-29 (age 1), P1 pays like its segment (shift 0) → T + 9 = 2025-07-09.
        Row po = invoice("PO");
        assertThat(get(po, "component")).isEqualTo("INVOICES");
        assertThat(get(po, "age_days")).isEqualTo(1);
        assertThat(num(po, "debtor_shift_days")).isCloseTo(0.0, within(EPS));
        assertThat(num(po, "p_within_horizon")).isCloseTo(1.0, within(EPS));
        assertThat(get(po, "expected_date").toString()).isEqualTo("2025-07-09");
        assertThat(num(po, "expected_eur")).isEqualTo(1000.0);
        assertThat(get(po, "reason")).isEqualTo("PUBLIC debtor paying like its segment (3 settled invoices); "
                + "100 % expected within 30 days, most likely around 2025-07-09");
        // PD in dispute and PP under an open invoice-level promise are listed, not forecast.
        assertThat(get(invoice("PD"), "component")).isEqualTo("DISPUTE");
        assertThat(get(invoice("PP"), "component")).isEqualTo("PROMISE");
        assertThat(get(invoice("PP"), "promise_id")).isEqualTo("PR1");
        assertThat(num(invoice("PP"), "expected_eur")).isZero();
        // In the daily table: the invoice on 2025-07-09; the promise (no history anywhere:
        // p_keep 0.5) 400 × 0.5 on its date 2025-07-03.
        assertThat(nonZeroDays("E1", "PUBLIC", "invoices")).containsExactly("2025-07-09=1000");
        assertThat(nonZeroDays("E1", "PUBLIC", "promised")).containsExactly("2025-07-03=200");
        assertThat(tables.get(CashForecast.PROMISES)).hasSize(1);
    }

    @Test
    void aDebtorSlowerThanItsSegmentIsShiftedTowardsItsOwnDelays() {
        // SME settled: 8 × δ 0 (S1) and 2 × δ 20 (S2): segment mean 4. S2: n = 2, mean 20 →
        // s = 2 / (2 + 5) × (20 − 4) = 4.571 → 5 days. SO is 10 days past due: shifted age 5.
        // The SME curve at T: S(0) = 3/11 (8 of the 11 at risk pay at δ 0, SO is censored at
        // 10), then the 2 remaining pay at δ 20: P(δ = 20 | δ > 5) = 1 → day 15 = 2025-07-15
        // (without the shift it would be day 10).
        Row so = invoice("SO");
        assertThat(num(so, "segment_mean_delay_days")).isCloseTo(4.0, within(EPS));
        assertThat(num(so, "debtor_mean_delay_days")).isCloseTo(20.0, within(EPS));
        assertThat(num(so, "debtor_shift_days")).isCloseTo(32.0 / 7, within(EPS));
        assertThat(get(so, "shifted_age_days")).isEqualTo(5);
        assertThat(get(so, "expected_date").toString()).isEqualTo("2025-07-15");
        assertThat(get(so, "reason")).isEqualTo("SME debtor paying 5 days later than its segment (2 settled invoices); "
                + "100 % expected within 30 days, most likely around 2025-07-15");
        assertThat(nonZeroDays("E1", "SME", "invoices")).containsExactly("2025-07-15=2000");
        // The roll-ups add the leaves: everything, 1 000 + 2 000 of invoices and 200 promised.
        List<Row> all = rows(CashForecast.DAILY, "*", "*");
        assertThat(all).hasSize(30);
        assertThat(all.stream().mapToDouble(r -> num(r, "invoices")).sum()).isCloseTo(3000.0, within(EPS));
        assertThat(all.stream().mapToDouble(r -> num(r, "total")).sum()).isCloseTo(3200.0, within(EPS));
        // two cutoffs are too few for a range
        assertThat(all).allSatisfy(r -> assertThat(get(r, "low")).isNull());
    }

    @Test
    void backtestOfAOneDebtorCellByHand() {
        // M1 pays 6 days late. Cutoff 06-09: X (due 06-12, age −3) → 06-18, week 2; Y not issued.
        // Cutoff 06-16: X (age 4) → 06-18, week 1; Y (due 06-20, age −4) → 06-26, week 2.
        // Actual on documents issued by the cutoff: 06-09: w1 0, w2 200 (X on 06-18; 06-25 is
        // past the horizon); 06-16: w1 200 + 100 (X 06-18, Y 06-19), w2 300 (X 06-25).
        // Baseline on max(due, c + 1): 06-09: X on 06-12 (w1); 06-16: X on 06-17, Y on 06-20 (w1).
        List<String> detail = rows(CashForecast.BACKTEST_DETAIL, "E2", "MICRO").stream()
                .sorted((a, b) -> (get(a, "cutoff") + " " + get(a, "week")).compareTo(get(b, "cutoff") + " " + get(b, "week")))
                .map(r -> get(r, "cutoff") + " w" + get(r, "week") + " a=" + num(r, "actual") + " f=" + num(r, "forecast")
                        + " b=" + num(r, "baseline"))
                .toList();
        assertThat(detail).containsExactly(
                "2025-06-09 w1 a=0.0 f=0.0 b=500.0",
                "2025-06-09 w2 a=200.0 f=500.0 b=0.0",
                "2025-06-16 w1 a=300.0 f=500.0 b=600.0",
                "2025-06-16 w2 a=300.0 f=100.0 b=0.0");
        // WAPE w1: model (0 + 200) / 300, baseline (500 + 300) / 300; w2: model (300 + 200) / 500,
        // baseline (200 + 300) / 500. Overall: model 700 / 800, baseline 1 300 / 800.
        Map<Integer, Row> weeks = rows(CashForecast.BACKTEST, "E2", "MICRO").stream()
                .collect(Collectors.toMap(r -> (Integer) get(r, "week"), r -> r));
        assertThat(num(weeks.get(1), "wape")).isCloseTo(200.0 / 300, within(EPS));
        assertThat(num(weeks.get(1), "baseline_wape")).isCloseTo(800.0 / 300, within(EPS));
        assertThat(num(weeks.get(2), "wape")).isCloseTo(1.0, within(EPS));
        assertThat(num(weeks.get(2), "baseline_wape")).isCloseTo(1.0, within(EPS));
        assertThat(get(weeks.get(1), "cutoffs")).isEqualTo(2);
        Row summary = rows(CashForecast.BACKTEST_SUMMARY, "E2", "MICRO").get(0);
        assertThat(num(summary, "wape")).isCloseTo(700.0 / 800, within(EPS));
        assertThat(num(summary, "baseline_wape")).isCloseTo(1300.0 / 800, within(EPS));
        assertThat(get(summary, "first_cutoff").toString()).isEqualTo("2025-06-09");
        // the entity and segment roll-ups of a one-cell entity are that cell
        assertThat(num(rows(CashForecast.BACKTEST_SUMMARY, "E2", "*").get(0), "wape")).isCloseTo(700.0 / 800, within(EPS));
    }

    @Test
    void periodsAddUpTheDailyTable() {
        // H = 30 from 2025-07-01: weeks 1–4 of 7 days and a fifth of 2; one month (July 1–30).
        List<Row> periods = rows(CashForecast.PERIODS, "*", "*");
        assertThat(periods.stream().filter(r -> get(r, "granularity").equals("week")).map(r -> (Integer) get(r, "days")))
                .containsExactlyInAnyOrder(7, 7, 7, 7, 2);
        Row month = periods.stream().filter(r -> get(r, "granularity").equals("month")).findFirst().orElseThrow();
        assertThat(get(month, "period_start").toString()).isEqualTo("2025-07-01");
        assertThat(get(month, "period_end").toString()).isEqualTo("2025-07-30");
        assertThat(num(month, "total")).isEqualTo(3200.0);
        assertThat(num(month, "promised")).isEqualTo(200.0);
    }
}
