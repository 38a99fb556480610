package io.encours.analytics.cube;

import static io.encours.analytics.cube.TableRows.dec;
import static io.encours.analytics.cube.TableRows.value;
import static io.encours.testing.SnapshotFixture.d;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.analytics.balances.Documents;
import io.encours.analytics.delays.Delays;
import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every financial table on METRICS.md's worked example (debtor D1, alone in its cells) and
 * edge cases on other debtors, end to end through {@link FinancialTables#compute}. Expected
 * values are computed by hand in the comments.
 *
 * <pre>
 * T = 2025-03-31; history = month ends 2024-12-31 … 2025-03-31 (first issue 2024-12-01).
 * D1 (E1, SME, C1): the worked example — A 1000 (01-10, due 02-09; 600 on 02-20, 400 on 03-05),
 *    B 2000 (02-15, due 03-17; in dispute from 03-01), C −500 credits B (03-10),
 *    D 1500 (03-20, due 04-19).
 * D2 (E1, MICRO, no collector → UNASSIGNED):
 *    O 100 (01-05, due 02-04), paid 130 on 02-10 → overpaid, remaining −30, 6 days late;
 *    W 1000 (01-05, due 02-04), 300 paid 02-01, written off 03-15;
 *    S −50 stand-alone credit note (02-01, due 02-01);
 *    Y 500 (01-10, due 02-09), paid 500 on 02-05 → on time.
 * D3 (E2, KEY_ACCOUNT, C2): X 400 (2024-12-01, due 2024-12-31), 100 paid on 2025-03-31
 *    (= due + 90 exactly).
 * D4 (E2, SME, C2): CN4 −200 stand-alone credit note (03-01, due 03-01).
 * </pre>
 */
class FinancialTablesTest {
    private static final LocalDate T = d("2025-03-31");
    private static final String ALL = Cube.ALL;
    private static final Map<String, TableRows> tables = new LinkedHashMap<>();
    private static Dataset<Row> documents;

    @BeforeAll
    static void compute() {
        SparkSession spark = TestSpark.get();
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("entities", "E2", "Entity two", "FR")
                .add("collectors", "C2", "Chloé", "Team B")
                .add("debtors", "D2", "E1", "Two", "MICRO", null, null, null, null, null, null, null)
                .add("debtors", "D3", "E2", "Three", "KEY_ACCOUNT", null, null, "C2", null, null, null, null)
                .add("debtors", "D4", "E2", "Four", "SME", null, null, "C2", null, null, null, null)
                .add("invoices", "A", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 1000, "EUR", null)
                .add("invoices", "B", "D1", "INVOICE", null, d("2025-02-15"), d("2025-03-17"), 2000, "EUR", null)
                .add("invoices", "C", "D1", "CREDIT_NOTE", "B", d("2025-03-10"), d("2025-03-10"), -500, "EUR", null)
                .add("invoices", "D", "D1", "INVOICE", null, d("2025-03-20"), d("2025-04-19"), 1500, "EUR", null)
                .add("payments", "P1", "A", d("2025-02-20"), 600, "TRANSFER")
                .add("payments", "P2", "A", d("2025-03-05"), 400, "TRANSFER")
                .add("disputes", "X1", "B", d("2025-03-01"), null, "PRICE")
                .add("invoices", "O", "D2", "INVOICE", null, d("2025-01-05"), d("2025-02-04"), 100, "EUR", null)
                .add("payments", "P3", "O", d("2025-02-10"), 130, "CARD")
                .add("invoices", "W", "D2", "INVOICE", null, d("2025-01-05"), d("2025-02-04"), 1000, "EUR", d("2025-03-15"))
                .add("payments", "P4", "W", d("2025-02-01"), 300, "CHECK")
                .add("invoices", "S", "D2", "CREDIT_NOTE", null, d("2025-02-01"), d("2025-02-01"), -50, "EUR", null)
                .add("invoices", "Y", "D2", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 500, "EUR", null)
                .add("payments", "P5", "Y", d("2025-02-05"), 500, "TRANSFER")
                .add("invoices", "X", "D3", "INVOICE", null, d("2024-12-01"), d("2024-12-31"), 400, "EUR", null)
                .add("payments", "P6", "X", d("2025-03-31"), 100, "TRANSFER")
                .add("invoices", "CN4", "D4", "CREDIT_NOTE", null, d("2025-03-01"), d("2025-03-01"), -200, "EUR", null);
        CuratedSnapshot curated = Materialized.of(spark, CuratedFixture.of(spark, f, T));
        Dataset<Row> applications = Documents.applications(curated).cache();
        documents = Documents.documents(curated, applications).cache();
        List<LocalDate> asOf = Documents.monthEnds(d("2024-12-01"), T);
        FinancialTables.compute(spark, curated, documents, applications, History.of(asOf, T), Dataset::cache)
                .forEach((name, rows) -> tables.put(name, new TableRows(name, rows.collectAsList())));
    }

    private static TableRows table(String name) {
        return tables.get(name);
    }

    @Test
    void everyTableIsThereWithoutNullKeys() {
        assertThat(tables.keySet()).containsExactly("fin_sales_monthly", "fin_dso", "fin_dso_countback",
                "fin_dso_debtor", "fin_dso_countback_debtor", "fin_cei", "fin_delays", "fin_unpaid_rate",
                "fin_aged_balance", "fin_aged_balance_debtor", "fin_national_benchmarks", "fin_benchmarks");
        assertThat(FinancialTables.LAYOUTS.keySet()).containsExactlyInAnyOrderElementsOf(tables.keySet());
        for (Map.Entry<String, TableRows> e : tables.entrySet()) {
            FinancialTables.Layout layout = FinancialTables.LAYOUTS.get(e.getKey());
            for (Row r : e.getValue().all()) {
                assertThat(List.of(r.schema().fieldNames())).containsAll(layout.orderBy());
                for (String column : layout.notNull()) {
                    assertThat(r.isNullAt(r.fieldIndex(column))).as("%s.%s in %s", e.getKey(), column, r).isFalse();
                }
            }
        }
        // 24 cells: 4 leaves, 4 (entity, segment), 3 (entity, collector), 4 (segment, collector),
        // 2 entities, 3 segments, 3 collector keys (C1, C2, UNASSIGNED), 1 group;
        // × 4 month ends × 5 windows
        assertThat(table("fin_dso").all()).hasSize(24 * 4 * 5);
        assertThat(table("fin_dso_countback").all()).hasSize(24 * 4);
    }

    @Test
    void workedExampleStandardDso() {
        // D1 alone in (E1, SME, C1): AR(T) 3000, CurrentAR 1500 (D), Sales(2024-12-31, T] = 4000
        Row r = table("fin_dso").cell("E1", "SME", "C1", "as_of", T, "window_days", 90);
        assertThat(dec(r, "receivables")).isEqualByComparingTo("3000");
        assertThat(dec(r, "current_receivables")).isEqualByComparingTo("1500");
        assertThat(dec(r, "sales")).isEqualByComparingTo("4000");
        assertThat(dec(r, "dso")).isEqualByComparingTo("67.5"); // 3000 / 4000 × 90
        assertThat(dec(r, "best_possible_dso")).isEqualByComparingTo("33.75"); // 1500 / 4000 × 90
        assertThat(dec(r, "average_days_delinquent")).isEqualByComparingTo("33.75");
        assertThat(value(r, "period")).isEqualTo("2025-03");
        // per debtor at T, same figures
        Row debtor = table("fin_dso_debtor").one("debtor_id", "D1", "window_days", 90);
        assertThat(dec(debtor, "dso")).isEqualByComparingTo("67.5");
        assertThat(value(debtor, "collector_id")).isEqualTo("C1");
        // window 30 at T: Sales(03-01, 03-31] = −500 + 1500 = 1000 → 3000 / 1000 × 30 = 90
        assertThat(dec(table("fin_dso").cell("E1", "SME", "C1", "as_of", T, "window_days", 30), "dso"))
                .isEqualByComparingTo("90");
    }

    @Test
    void workedExampleCountback() {
        // March sales 1000 < 3000 → 31, rem 2000; February 2000 ≥ 2000 → + 2000/2000 × 28 = 59
        Row r = table("fin_dso_countback").cell("E1", "SME", "C1", "as_of", T);
        assertThat(dec(r, "dso")).isEqualByComparingTo("59");
        assertThat(value(r, "capped")).isEqualTo(false);
        assertThat(dec(table("fin_dso_countback_debtor").one("debtor_id", "D1"), "dso")).isEqualByComparingTo("59");
        // D3: AR 300; Mar, Feb, Jan no sales (31 + 28 + 31 = 90), Dec 400 ≥ 300 → 90 + 300/400 × 31 = 113.25
        assertThat(dec(table("fin_dso_countback").cell("E2", "KEY_ACCOUNT", "C2", "as_of", T), "dso"))
                .isEqualByComparingTo("113.25");
        // D4: AR −200 ≤ 0 → 0, not capped
        Row d4 = table("fin_dso_countback").cell("E2", "SME", "C2", "as_of", T);
        assertThat(dec(d4, "dso")).isEqualByComparingTo("0");
        assertThat(value(d4, "capped")).isEqualTo(false);
    }

    @Test
    void zeroOrNegativeSalesGiveNullDso() {
        // D3: no document in (2024-12-31, T] → Sales90 = 0 → null; Sales180 = 400 → 300 / 400 × 180 = 135
        TableRows dso = table("fin_dso");
        assertThat(dec(dso.cell("E2", "KEY_ACCOUNT", "C2", "as_of", T, "window_days", 90), "dso")).isNull();
        assertThat(dec(dso.cell("E2", "KEY_ACCOUNT", "C2", "as_of", T, "window_days", 180), "dso"))
                .isEqualByComparingTo("135");
        // D4: Sales90 = −200 → null, best possible and ADD too
        Row d4 = dso.cell("E2", "SME", "C2", "as_of", T, "window_days", 90);
        assertThat(dec(d4, "sales")).isEqualByComparingTo("-200");
        assertThat(dec(d4, "dso")).isNull();
        assertThat(dec(d4, "best_possible_dso")).isNull();
        assertThat(dec(d4, "average_days_delinquent")).isNull();
        // collector C2 = D3 + D4: AR 100, Sales365 = 400 − 200 = 200 → 100 / 200 × 365 = 182.5
        assertThat(dec(dso.cell(ALL, ALL, "C2", "as_of", T, "window_days", 365), "dso")).isEqualByComparingTo("182.5");
    }

    @Test
    void cubeKeysRollUpWithUnassigned() {
        TableRows aged = table("fin_aged_balance");
        // D2 has no collector: its own cell, and in the entity and group totals.
        // D2 at T: O −30, S −50 (W written off on 03-15: gone) → −80
        Row unassigned = aged.cell("E1", ALL, "UNASSIGNED", "as_of", T);
        assertThat(dec(unassigned, "total")).isEqualByComparingTo("-80");
        assertThat(value(unassigned, "collector_name")).isEqualTo("Unassigned");
        assertThat(dec(aged.cell("E1", ALL, ALL, "as_of", T), "total")).isEqualByComparingTo("2920"); // 3000 − 80
        assertThat(value(aged.cell("E1", ALL, ALL, "as_of", T), "entity_name")).isEqualTo("Entity one");
        // group: D1 3000, D2 −80, D3 300, D4 −200
        Row group = aged.cell(ALL, ALL, ALL, "as_of", T);
        assertThat(dec(group, "total")).isEqualByComparingTo("3020");
        assertThat(dec(group, "not_due")).isEqualByComparingTo("1500"); // D
        assertThat(dec(group, "days_1_30")).isEqualByComparingTo("1300"); // B 1500 (14 d), CN4 −200 (30 d)
        assertThat(dec(group, "days_31_60")).isEqualByComparingTo("-80"); // O −30 (55 d), S −50 (58 d)
        assertThat(dec(group, "days_61_90")).isEqualByComparingTo("300"); // X (90 d)
        assertThat(dec(group, "days_91_180")).isEqualByComparingTo("0");
        assertThat(dec(group, "overdue")).isEqualByComparingTo("1520");
        assertThat(dec(group, "in_dispute")).isEqualByComparingTo("1500"); // B
        // the opening date (2024-11-30) is not published
        assertThat(aged.where("as_of", "2024-11-30")).isEmpty();
    }

    @Test
    void workedExampleAgedBalanceAndWriteOff() {
        TableRows debtors = table("fin_aged_balance_debtor");
        Row d1 = debtors.one("debtor_id", "D1", "as_of", T);
        assertThat(dec(d1, "days_1_30")).isEqualByComparingTo("1500"); // B, 14 days past due
        assertThat(dec(d1, "not_due")).isEqualByComparingTo("1500"); // D
        assertThat(dec(d1, "total")).isEqualByComparingTo("3000");
        assertThat(value(d1, "debtor_name")).isEqualTo("Debtor one");
        // W (700 left, 24 days past due at 02-28) is in the balance before its write-off, gone after
        Row d2Feb = debtors.one("debtor_id", "D2", "as_of", "2025-02-28");
        // W 700 (24 d) + S −50 (27 d) + O −30 (overpaid on 02-10, open below zero, 24 d)
        assertThat(dec(d2Feb, "days_1_30")).isEqualByComparingTo("620");
        assertThat(value(d2Feb, "collector_id")).isEqualTo("UNASSIGNED");
        assertThat(dec(debtors.one("debtor_id", "D2", "as_of", T), "total")).isEqualByComparingTo("-80");
        // due date = as_of is not due: X at 2024-12-31
        assertThat(dec(debtors.one("debtor_id", "D3", "as_of", "2024-12-31"), "not_due")).isEqualByComparingTo("400");
    }

    @Test
    void cei() {
        TableRows cei = table("fin_cei");
        // D1, 2025-02: AR(01-31) 1000 + Sales 2000 − AR(02-28) 2400 = 600; denominator 3000 − CurrentAR 2000 (B) = 1000
        assertThat(dec(cei.cell("E1", "SME", "C1", "period", "2025-02"), "cei")).isEqualByComparingTo("60");
        // D1, 2025-03: (2400 + 1000 − 3000) / (2400 + 1000 − 1500) × 100 = 400 / 1900 × 100
        Row march = cei.cell("E1", "SME", "C1", "period", "2025-03");
        assertThat(dec(march, "cei")).isEqualByComparingTo("21.0526315789");
        assertThat(dec(march, "collected")).isEqualByComparingTo("400");
        // D3, 2024-12: AR(b) 0 + 400 − CurrentAR(12-31) 400 = 0 → null; 2025-01: (400 + 0 − 400) / (400 − 0) = 0
        assertThat(dec(cei.cell("E2", "KEY_ACCOUNT", "C2", "period", "2024-12"), "cei")).isNull();
        assertThat(dec(cei.cell("E2", "KEY_ACCOUNT", "C2", "period", "2025-01"), "cei")).isEqualByComparingTo("0");
        assertThat(cei.where("entity_key", ALL, "segment_key", ALL, "collector_key", ALL)).hasSize(4);
    }

    @Test
    void delaysByMonthAndQuarter() {
        TableRows delays = table("fin_delays");
        // worked example: A settles 03-05, 24 days late
        assertThat(dec(delays.cell("E1", "SME", "C1", "granularity", "month", "period", "2025-03"),
                "average_delay_days")).isEqualByComparingTo("24");
        // group, 2025-02: O (100, 6 days) and Y (500, on time): 600 / 600 = 1; by count 3; half late
        Row feb = delays.cell(ALL, ALL, ALL, "granularity", "month", "period", "2025-02");
        assertThat(dec(feb, "average_delay_days")).isEqualByComparingTo("1");
        assertThat(dec(feb, "average_delay_days_by_count")).isEqualByComparingTo("3");
        assertThat(dec(feb, "share_paid_late")).isEqualByComparingTo("0.5");
        // group, 2025-Q1: A (1000, 24), O (100, 6), Y (500, 0): 24600 / 1600 = 15.375; 30 / 3 = 10; 2 / 3
        Row q1 = delays.cell(ALL, ALL, ALL, "granularity", "quarter", "period", "2025-Q1");
        assertThat(dec(q1, "average_delay_days")).isEqualByComparingTo("15.375");
        assertThat(dec(q1, "average_delay_days_by_count")).isEqualByComparingTo("10");
        assertThat(dec(q1, "share_paid_late")).isEqualByComparingTo("0.6666666667");
        assertThat(value(q1, "invoices_settled")).isEqualTo(3L);
        assertThat(dec(q1, "amount_settled")).isEqualByComparingTo("1600");
        // nothing settled in 2025-01: zero counts, null averages
        Row jan = delays.cell(ALL, ALL, ALL, "granularity", "month", "period", "2025-01");
        assertThat(value(jan, "invoices_settled")).isEqualTo(0L);
        assertThat(dec(jan, "average_delay_days")).isNull();
        // open overdue age at T: B 1500 × 14 + X 300 × 90 over 1800 (O negative, W written off, credit notes out)
        assertThat(dec(q1, "open_overdue_age_days")).isEqualByComparingTo("26.6666666667");
        // at 02-28: A 400 × 19 + W 700 × 24 + X 400 × 59 = 48000 over 1500 = 32
        assertThat(dec(feb, "open_overdue_age_days")).isEqualByComparingTo("32");
        assertThat(delays.where("granularity", "quarter", "entity_key", ALL, "segment_key", ALL, "collector_key", ALL)
                .stream().map(r -> value(r, "period"))).containsExactlyInAnyOrder("2024-Q4", "2025-Q1");
    }

    @Test
    void reusableDelaysByAnyGrouping() {
        // by scenario (the lead's scenario portfolio delay): D1 has S1, the others none (null group)
        TableRows byScenario = new TableRows("by scenario",
                Delays.byPeriod(documents, Periods.MONTH, "scenario_id").collectAsList());
        Row s1 = byScenario.one("scenario_id", "S1", "period", "2025-03");
        assertThat(dec(s1, "average_delay_days")).isEqualByComparingTo("24"); // A
        Row none = byScenario.one("scenario_id", null, "period", "2025-02");
        assertThat(value(none, "invoices_settled")).isEqualTo(2L); // O and Y
        assertThat(dec(none, "average_delay_days")).isEqualByComparingTo("1"); // 100 × 6 / 600
        assertThat(byScenario.all()).hasSize(2);
        // any period: the first quarter by collector, with the settled invoices filtered by the caller
        Dataset<Row> settledQ1 = Delays.settled(documents).filter(col("settle_date")
                .between(Date.valueOf("2025-01-01"), Date.valueOf("2025-03-31")));
        TableRows byCollector = new TableRows("by collector",
                Delays.aggregate(settledQ1, col("collector_id")).collectAsList());
        assertThat(dec(byCollector.one("collector_id", null), "share_paid_late")).isEqualByComparingTo("0.5");
    }

    @Test
    void unpaidRateCohorts() {
        TableRows unpaid = table("fin_unpaid_rate");
        TableRows group = new TableRows("group", unpaid.where("entity_key", ALL, "segment_key", ALL, "collector_key", ALL));
        // every due month present, and only those (no invoice due in 2025-01)
        assertThat(group.all().stream().map(r -> value(r, "period")))
                .containsExactlyInAnyOrder("2024-12", "2025-02", "2025-03", "2025-04");
        // 2024-12: X 400, 100 paid on due + 90 (counted) → 300 / 400; 2024-12-31 + 90 = T → final
        Row dec24 = group.one("period", "2024-12");
        assertThat(dec(dec24, "unpaid_rate")).isEqualByComparingTo("0.75");
        assertThat(value(dec24, "final")).isEqualTo(true);
        // 2025-02: A 0, O −30 (overpaid, not floored), W 700 (written off: still unpaid), Y 0 → 670 / 2600
        Row feb = group.one("period", "2025-02");
        assertThat(dec(feb, "amount_due")).isEqualByComparingTo("2600");
        assertThat(dec(feb, "amount_unpaid")).isEqualByComparingTo("670");
        assertThat(dec(feb, "unpaid_rate")).isEqualByComparingTo("0.2576923077");
        assertThat(value(feb, "final")).isEqualTo(false); // 02-28 + 90 = 05-29 > T
        // 2025-03: B 2000 − credit note C 500 = 1500 → 0.75
        assertThat(dec(group.one("period", "2025-03"), "unpaid_rate")).isEqualByComparingTo("0.75");
        // D2's cell, 2025-02: O, W, Y → (−30 + 700 + 0) / (100 + 1000 + 500)
        assertThat(dec(unpaid.cell("E1", "MICRO", "UNASSIGNED", "period", "2025-02"), "unpaid_rate"))
                .isEqualByComparingTo("0.41875");
    }

    @Test
    void salesAndBenchmarks() {
        // 2025-03 group sales: C −500 + D 1500 + CN4 −200 = 800
        assertThat(dec(table("fin_sales_monthly").cell(ALL, ALL, ALL, "period", "2025-03"), "sales"))
                .isEqualByComparingTo("800");
        assertThat(table("fin_national_benchmarks").all()).hasSize(44);
        // coverage starts 2024-12-01: only 2025-Q1 (Ellisphere, 16.48) is covered; the group's Q1 delay is 15.375
        TableRows bench = table("fin_benchmarks");
        assertThat(bench.all().stream().map(r -> value(r, "period")).distinct()).containsExactly("2025-Q1");
        Row group = bench.one("entity_key", ALL, "segment_key", ALL);
        assertThat(dec(group, "ours")).isEqualByComparingTo("15.375");
        assertThat(dec(group, "gap_days")).isEqualByComparingTo("-1.105");
        // Sales(2024-03-31, 2025-03-31] is not covered by the history: no cash at stake
        assertThat(value(group, "sales_year_complete")).isEqualTo(false);
        assertThat(dec(group, "cash_at_stake")).isNull();
    }
}
