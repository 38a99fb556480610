package io.encours.analytics.cube;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The dates the financial tables are computed at: the month ends of the history and T.
 *
 * @param snapshotDate T
 * @param asOfDates sorted, distinct, all ≤ T, T last (month ends, then T if it is not one)
 * @param coverageStart first day from which the snapshot is known to hold every document
 *     (used by the national benchmarks: a period or sales window starting earlier is not
 *     compared)
 */
public record History(LocalDate snapshotDate, List<LocalDate> asOfDates, LocalDate coverageStart) {
    /** Months of invoices a snapshot is guaranteed to hold (DATA-CONTRACT.md). */
    public static final int GUARANTEED_MONTHS = 24;

    public History {
        asOfDates = List.copyOf(asOfDates);
    }

    /**
     * The history of {@code asOfDates} (normally {@code Documents.monthEnds(first, T)}):
     * dates after T are dropped and T is added if missing. Coverage starts at the later of
     * the first day of the first as_of month and T − 24 months + 1 day (DATA-CONTRACT.md
     * guarantees only the last 24 months of invoices).
     */
    public static History of(List<LocalDate> asOfDates, LocalDate snapshotDate) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (LocalDate d : asOfDates) {
            if (!d.isAfter(snapshotDate)) {
                dates.add(d);
            }
        }
        dates.add(snapshotDate);
        LocalDate first = dates.first().withDayOfMonth(1);
        LocalDate guaranteed = snapshotDate.minusMonths(GUARANTEED_MONTHS).plusDays(1);
        return new History(snapshotDate, new ArrayList<>(dates),
                first.isAfter(guaranteed) ? first : guaranteed);
    }

    /** The month end before the first as_of: AR(b) of the first month's CEI. */
    public LocalDate openingDate() {
        return asOfDates.get(0).withDayOfMonth(1).minusDays(1);
    }

    /** The opening date, then the as_of dates: the dates balances are computed at. */
    public List<LocalDate> balanceDates() {
        List<LocalDate> result = new ArrayList<>();
        result.add(openingDate());
        result.addAll(asOfDates);
        return result;
    }

    /** One column {@code as_of} (DATE): the as_of dates. */
    public Dataset<Row> dates(SparkSession spark) {
        return spark.createDataset(asOfDates.stream().map(Date::valueOf).toList(), Encoders.DATE()).toDF("as_of");
    }

    /**
     * The periods of a granularity that the history touches, one row each: {@code period}
     * (label), {@code period_start}, {@code period_end} (last day, or T for the period
     * holding T).
     */
    public Dataset<Row> periods(SparkSession spark, Periods granularity) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (LocalDate d : asOfDates) {
            String label = granularity.label(d);
            LocalDate start = granularity.start(d);
            LocalDate end = granularity.end(d);
            rows.put(label, RowFactory.create(label, Date.valueOf(start),
                    Date.valueOf(end.isAfter(snapshotDate) ? snapshotDate : end)));
        }
        StructType schema = new StructType()
                .add("period", DataTypes.StringType, false)
                .add("period_start", DataTypes.DateType, false)
                .add("period_end", DataTypes.DateType, false);
        return spark.createDataFrame(new ArrayList<>(rows.values()), schema);
    }
}
