package io.encours.analytics.forecast;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.curated.CuratedSnapshot;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of the forecast at a list of as-of dates with the same code for all (the
 * backtest cutoffs and T): a handful of Spark jobs that each end in a small collected
 * aggregate, then driver-side arithmetic. Holds, per leaf cell (entity, segment), the daily
 * promised, invoice-model, naive-baseline and actual cash of every as-of date.
 */
final class ForecastRun {
    private static final Logger LOG = LoggerFactory.getLogger("encours.progress");

    /** A cube cell of the forecast: entity and segment, each an id or {@code *}. */
    record Cell(String entity, String segment) {
        static final String ALL = io.encours.analytics.cube.Cube.ALL;

        Cell {
            requireNonNull(entity, "entity");
            requireNonNull(segment, "segment");
        }

        boolean isLeaf() {
            return !entity.equals(ALL) && !segment.equals(ALL);
        }

        /** The cells a leaf's figures add to: itself, its entity, its segment, everything. */
        List<Cell> rollUps() {
            return List.of(this, new Cell(entity, ALL), new Cell(ALL, segment), new Cell(ALL, ALL));
        }
    }

    /** Daily figures of one cell: [as-of index][day − 1], day 1 = as_of + 1. */
    static final class Series {
        final double[][] promised;
        final double[][] invoices;
        final double[][] baseline;
        final double[][] actual;

        Series(int asOfCount, int days) {
            promised = new double[asOfCount][days];
            invoices = new double[asOfCount][days];
            baseline = new double[asOfCount][days];
            actual = new double[asOfCount][days];
        }

        void addAll(Series other) {
            add(promised, other.promised);
            add(invoices, other.invoices);
            add(baseline, other.baseline);
            add(actual, other.actual);
        }

        private static void add(double[][] into, double[][] from) {
            for (int i = 0; i < into.length; i++) {
                for (int j = 0; j < into[i].length; j++) {
                    into[i][j] += from[i][j];
                }
            }
        }

        /** Model forecast (promises + invoices) of as-of i, day j (0-based). */
        double forecast(int i, int j) {
            return promised[i][j] + invoices[i][j];
        }
    }

    final List<LocalDate> asOfDates;
    final int days;
    final Map<LocalDate, Map<String, DelayCurves.Curve>> curves;
    final List<String> segments;
    /** Every cell (leaves and roll-ups), leaves in sorted order first. */
    final Map<Cell, Series> cells;
    /** The contribution of every OPEN promise at the last as-of date (T), from driver rows. */
    final Dataset<Row> promiseContributions;
    /** The OPEN invoice-level promises at every date: {@code cv_invoice_id, cv_as_of, cv_promise_id}. */
    private final Dataset<Row> covered;
    /** Per as-of date: the share of the model's Saturday and Sunday cash kept on that day. */
    final Map<LocalDate, double[]> weekendKeep;
    /** Driver timings of the stages, in ms. */
    final Map<String, Long> timings;

    private ForecastRun(List<LocalDate> asOfDates, int days, Map<LocalDate, Map<String, DelayCurves.Curve>> curves,
            List<String> segments, Map<Cell, Series> cells, Dataset<Row> promiseContributions, Dataset<Row> covered,
            Map<LocalDate, double[]> weekendKeep, Map<String, Long> timings) {
        this.asOfDates = asOfDates;
        this.days = days;
        this.curves = curves;
        this.segments = segments;
        this.cells = cells;
        this.promiseContributions = promiseContributions;
        this.covered = covered;
        this.weekendKeep = weekendKeep;
        this.timings = timings;
    }

    int indexOf(LocalDate asOf) {
        int i = asOfDates.indexOf(asOf);
        if (i < 0) {
            throw new IllegalArgumentException("not an as-of date of this run: " + asOf);
        }
        return i;
    }

    /**
     * Evaluates the forecast at {@code asOfDates} (sorted ascending, all ≤ T) for {@code days}
     * days after each.
     */
    static ForecastRun execute(SparkSession spark, CuratedSnapshot s, Dataset<Row> documents,
            Dataset<Row> applications, ForecastConfig config, List<LocalDate> asOfDates, int days) {
        List<LocalDate> dates = List.copyOf(asOfDates);
        for (int i = 1; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException("as-of dates must be sorted and distinct: " + dates);
            }
        }
        if (dates.isEmpty() || dates.get(dates.size() - 1).isAfter(s.snapshotDate())) {
            throw new IllegalArgumentException("as-of dates must be non-empty and ≤ T: " + dates);
        }
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            index.put(dates.get(i), i);
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();

        // 1. Leaf cells: every (entity, segment) that has a debtor.
        List<Cell> leaves = new ArrayList<>();
        for (Row r : Collected.inOrder(s.debtors().select("entity_id", "segment").distinct())) {
            leaves.add(new Cell(r.getString(0), r.getString(1)));
        }
        leaves.sort((a, b) -> a.entity().equals(b.entity()) ? a.segment().compareTo(b.segment())
                : a.entity().compareTo(b.entity()));
        List<String> segments = new ArrayList<>(new TreeSet<>(leaves.stream().map(Cell::segment).toList()));
        Map<Cell, Series> cells = new LinkedHashMap<>();
        for (Cell leaf : leaves) {
            cells.put(leaf, new Series(dates.size(), days));
        }
        start = lap(timings, "cells", start);

        // 2. Delay curves of every as-of date from one small aggregate.
        List<DelayCurves.Cohort> cohorts = new ArrayList<>();
        for (Row r : Collected.inOrder(InvoiceComponent.cohorts(documents))) {
            cohorts.add(new DelayCurves.Cohort(r.getString(0), (int) r.getDate(1).toLocalDate().toEpochDay(),
                    r.getInt(2), r.getInt(3), r.getLong(4)));
        }
        Map<LocalDate, Map<String, DelayCurves.Curve>> curves = DelayCurves.estimate(cohorts, dates,
                config.shiftWindowDays());
        start = lap(timings, "curves", start);

        // 3. Promises: outcomes, segment rates as of each date, contributions of the OPEN ones.
        Dataset<Row> promises = PromiseComponent.promises(s, config.promiseGraceDays());
        // Small (one row per promise, per in-window payment day) and read four times below:
        // cached for the duration of this stage only (nothing lazy refers to them afterwards).
        Dataset<Row> windowPayments = PromiseComponent.windowPayments(promises, s).cache();
        Dataset<Row> outcomes = PromiseComponent.outcomes(promises, windowPayments, s.snapshotDate()).cache();
        Map<LocalDate, Map<String, Double>> rates = PromiseComponent.segmentRates(
                Collected.inOrder(PromiseComponent.resolvedCounts(outcomes)), segments, dates);
        // The OPEN promises at all dates are few (windows last weeks): collected once, they
        // feed the daily arrays, the covered invoices and the table at T.
        Dataset<Row> contributions = PromiseComponent.contributions(spark, outcomes, windowPayments, rates, dates);
        StructType contributionSchema = contributions.schema();
        List<Row> openPromises = Collected.inOrder(contributions);
        List<Row> atT = new ArrayList<>();
        List<Row> coveredRows = new ArrayList<>();
        for (Row r : openPromises) {
            LocalDate a = r.getDate(r.fieldIndex("as_of")).toLocalDate();
            int i = index.get(a);
            long day = r.getDate(r.fieldIndex("expected_date")).toLocalDate().toEpochDay() - a.toEpochDay();
            if (day <= days) {
                Series series = cells.get(new Cell(r.getString(r.fieldIndex("entity_id")),
                        r.getString(r.fieldIndex("segment"))));
                series.promised[i][(int) day - 1] += r.getDouble(r.fieldIndex("expected_eur"));
            }
            if (i == dates.size() - 1) {
                atT.add(r);
            }
            if (!r.isNullAt(r.fieldIndex("invoice_id"))) {
                coveredRows.add(RowFactory.create(r.getString(r.fieldIndex("invoice_id")), r.getDate(r.fieldIndex("as_of")),
                        r.getString(r.fieldIndex("promise_id"))));
            }
        }
        Dataset<Row> contributionsAtLast = spark.createDataFrame(atT, contributionSchema);
        Dataset<Row> coveredAll = spark.createDataFrame(coveredRows, new StructType()
                .add("cv_invoice_id", DataTypes.StringType, false)
                .add("cv_as_of", DataTypes.DateType, false)
                .add("cv_promise_id", DataTypes.StringType, false));
        outcomes.unpersist();
        windowPayments.unpersist();
        start = lap(timings, "promises", start);

        // 4. Open invoices at every date → shift → cells, convolved with the curves.
        Dataset<Row> covered = coveredAll.select("cv_invoice_id", "cv_as_of").distinct()
                .withColumn("covered", lit(true));
        Dataset<Row> open = InvoiceComponent.openInvoices(spark, documents, applications, s.disputes(), dates)
                .join(broadcast(covered), col("invoice_id").equalTo(col("cv_invoice_id"))
                        .and(col("as_of").equalTo(col("cv_as_of"))), "left")
                .withColumn("covered", when(col("covered").isNull(), lit(false)).otherwise(lit(true)))
                .drop("cv_invoice_id", "cv_as_of");
        Dataset<Row> shifted = InvoiceComponent.withShift(spark, open, documents,
                InvoiceComponent.segmentMeanTable(spark, curves, segments), dates, config.shrinkageK(),
                config.shiftWindowDays());
        Map<LocalDate, double[]> keep = weekendKeep(s, dates);
        for (Row r : Collected.inOrder(InvoiceComponent.cells(shifted, days))) {
            int i = index.get(r.getDate(0).toLocalDate());
            Series series = cells.get(new Cell(r.getString(1), r.getString(2)));
            int key = r.getInt(4);
            double amount = ((BigDecimal) r.get(5)).doubleValue();
            if (InvoiceComponent.MODEL.equals(r.getString(3))) {
                DelayCurves.Curve curve = DelayCurves.of(curves.get(dates.get(i)), r.getString(2));
                if (curve != null) {
                    double[] p = curve.conditional(key, days);
                    for (int j = 0; j < days; j++) {
                        series.invoices[i][j] += amount * p[j];
                    }
                }
            } else if (key <= days) {
                series.baseline[i][key - 1] += amount;
            }
        }
        for (Series series : cells.values()) {
            for (int i = 0; i < dates.size(); i++) {
                rollWeekends(series.invoices[i], dates.get(i), keep.get(dates.get(i)));
            }
        }
        start = lap(timings, "invoices", start);

        // 5. Actual cash after each date on the documents issued by it.
        for (Row r : Collected.inOrder(actualCash(s, documents, dates, days))) {
            Series series = cells.get(new Cell(r.getString(2), r.getString(3)));
            LocalDate paid = r.getDate(1).toLocalDate();
            double amount = ((BigDecimal) r.get(4)).doubleValue();
            for (int i = r.getInt(0); i < dates.size(); i++) {
                long j = paid.toEpochDay() - dates.get(i).toEpochDay();
                if (j >= 1 && j <= days) {
                    series.actual[i][(int) j - 1] += amount;
                }
            }
        }
        lap(timings, "actuals", start);

        // Roll the leaves up to the cube.
        Map<Cell, Series> all = new LinkedHashMap<>(cells);
        for (Cell leaf : leaves) {
            for (Cell up : leaf.rollUps().subList(1, 4)) {
                all.computeIfAbsent(up, c -> new Series(dates.size(), days)).addAll(cells.get(leaf));
            }
        }
        LOG.info("forecast: {} as-of dates, {} cells, timings {}", dates.size(), all.size(), timings);
        return new ForecastRun(dates, days, curves, segments, all, contributionsAtLast, coveredAll, keep, timings);
    }

    private static long lap(Map<String, Long> timings, String stage, long start) {
        long now = System.nanoTime();
        timings.put(stage, (now - start) / 1_000_000);
        return now;
    }

    /**
     * The calendar of payments as known at each as-of date: over the payments of the 365 days
     * up to it, the share s_w of the amount paid on Saturdays and on Sundays. The model's cash
     * on such a day keeps min(1, 7 s_w) of itself; the rest moves to the next Monday (no
     * payment history: nothing moves). Returns {saturday, sunday} keep fractions per date.
     */
    static Map<LocalDate, double[]> weekendKeep(CuratedSnapshot s, List<LocalDate> dates) {
        List<Row> byDay = Collected.inOrder(s.payments()
                .filter(col("payment_date").gt(lit(Date.valueOf(dates.get(0).minusDays(365)))))
                .filter(col("payment_date").leq(lit(Date.valueOf(dates.get(dates.size() - 1)))))
                .groupBy("payment_date").agg(sum("amount_eur").as("amount_eur")));
        Map<LocalDate, double[]> result = new HashMap<>();
        for (LocalDate a : dates) {
            double total = 0;
            double saturday = 0;
            double sunday = 0;
            for (Row r : byDay) {
                LocalDate day = r.getDate(0).toLocalDate();
                if (day.isAfter(a) || !day.isAfter(a.minusDays(365))) {
                    continue;
                }
                double amount = ((BigDecimal) r.get(1)).doubleValue();
                total += amount;
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    saturday += amount;
                } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    sunday += amount;
                }
            }
            result.put(a, total <= 0 ? new double[] {1, 1}
                    : new double[] {Math.min(1, 7 * saturday / total), Math.min(1, 7 * sunday / total)});
        }
        return result;
    }

    /** Moves the part of Saturday's and Sunday's cash that is not kept to the next Monday. */
    static void rollWeekends(double[] daily, LocalDate asOf, double[] keep) {
        for (int d = 0; d < daily.length; d++) {
            DayOfWeek dow = asOf.plusDays(d + 1L).getDayOfWeek();
            int toMonday = dow == DayOfWeek.SATURDAY ? 2 : dow == DayOfWeek.SUNDAY ? 1 : 0;
            if (toMonday == 0) {
                continue;
            }
            double moved = daily[d] * (1 - keep[dow == DayOfWeek.SATURDAY ? 0 : 1]);
            daily[d] -= moved;
            if (d + toMonday < daily.length) {
                daily[d + toMonday] += moved;
            }
        }
    }

    /**
     * Payments dated in (first as-of, last as-of + days] on INVOICE documents, summed per issue
     * bucket (index of the first as-of date on or after the issue date: the document exists
     * at that date and every later one), payment date, entity and segment. Columns: {@code
     * bucket, payment_date, entity_id, segment, amount_eur}.
     */
    static Dataset<Row> actualCash(CuratedSnapshot s, Dataset<Row> documents, List<LocalDate> dates, int days) {
        Column bucket = null;
        for (int i = dates.size() - 1; i >= 0; i--) {
            Column issued = col("issue_date").leq(lit(Date.valueOf(dates.get(i))));
            bucket = bucket == null ? when(issued, lit(i)) : when(issued, lit(i)).otherwise(bucket);
        }
        Dataset<Row> docs = documents.filter(col("issue_date").leq(lit(Date.valueOf(dates.get(dates.size() - 1)))))
                .select(col("invoice_id").as("doc_id"), col("issue_date"), col("entity_id"), col("segment"));
        return s.payments()
                .filter(col("payment_date").gt(lit(Date.valueOf(dates.get(0))))
                        .and(col("payment_date").leq(lit(Date.valueOf(dates.get(dates.size() - 1).plusDays(days))))))
                .select(col("invoice_id"), col("payment_date"), col("amount_eur"))
                .join(docs, col("invoice_id").equalTo(col("doc_id")))
                .groupBy(bucket.as("bucket"), col("payment_date"), col("entity_id"), col("segment"))
                .agg(sum("amount_eur").as("amount_eur"));
    }

    /** The OPEN invoice-level promises at one as-of date: {@code cv_invoice_id, promise_id}. */
    Dataset<Row> coveredAt(LocalDate asOf) {
        return covered.filter(col("cv_as_of").equalTo(lit(Date.valueOf(asOf))))
                .groupBy(col("cv_invoice_id")).agg(min("cv_promise_id").as("promise_id"));
    }
}
