package io.encours.ingestion.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.to_date;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The rate in force on each day: for every currency and every date from its first accepted
 * rate to T, the latest accepted rate with rate_date ≤ that date. Turning the as-of lookup
 * into an equi-join keeps it cheap however many documents there are (the calendar is
 * currencies × days, a few thousand rows).
 */
public final class FxCalendar {
    private FxCalendar() {
    }

    /** Columns: fx_currency, fx_date, fx_rate (DECIMAL(18,8)). */
    public static Dataset<Row> build(Dataset<Row> acceptedRates, LocalDate snapshotDate) {
        Dataset<Row> firstDates = acceptedRates.groupBy(col("currency"))
                .agg(min(col("rate_date")).as("first_date"));
        Dataset<Row> days = firstDates
                .filter(col("first_date").leq(lit(java.sql.Date.valueOf(snapshotDate))))
                .select(col("currency").as("fx_currency"),
                        explode(sequence(col("first_date"), to_date(lit(snapshotDate.toString()))))
                                .as("fx_date"));
        Dataset<Row> rates = acceptedRates.select(col("currency").as("r_currency"),
                col("rate_date").as("r_date"), col("eur_per_unit").as("r_rate"));
        return days.join(rates, col("fx_currency").equalTo(col("r_currency"))
                        .and(col("fx_date").equalTo(col("r_date"))), "left")
                .withColumn("fx_rate", last(col("r_rate"), true).over(
                        Window.partitionBy(col("fx_currency")).orderBy(col("fx_date"))))
                .select("fx_currency", "fx_date", "fx_rate");
    }
}
