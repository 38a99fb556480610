package io.encours.analytics.cube;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * Calendar periods and their labels, as the API shows them: months {@code 2025-06}, quarters
 * {@code 2025-Q2}, halves {@code 2025-H1}, years {@code 2025}.
 */
public enum Periods {
    MONTH(1), QUARTER(3), HALF(6), YEAR(12);

    private final int months;

    Periods(int months) {
        this.months = months;
    }

    /** The API's name of the granularity: {@code month}, {@code quarter}, {@code half}, {@code year}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** First day of the period holding {@code date}. */
    public Column start(Column date) {
        return switch (this) {
            case MONTH -> trunc(date, "month");
            case QUARTER -> trunc(date, "quarter");
            case HALF -> add_months(trunc(date, "year"), when(month(date).gt(6), lit(6)).otherwise(lit(0)));
            case YEAR -> trunc(date, "year");
        };
    }

    /** Last day of the period holding {@code date}. */
    public Column end(Column date) {
        return date_add(add_months(start(date), lit(months)), -1);
    }

    /** Label of the period holding {@code date}. */
    public Column label(Column date) {
        return switch (this) {
            case MONTH -> date_format(date, "yyyy-MM");
            case QUARTER -> concat(year(date).cast("string"), lit("-Q"), quarter(date).cast("string"));
            case HALF -> concat(year(date).cast("string"), lit("-H"),
                    when(month(date).gt(6), lit("2")).otherwise(lit("1")));
            case YEAR -> year(date).cast("string");
        };
    }

    /** First day of the period holding {@code date} (driver side). */
    public LocalDate start(LocalDate date) {
        int firstMonth = (date.getMonthValue() - 1) / months * months + 1;
        return LocalDate.of(date.getYear(), firstMonth, 1);
    }

    /** Last day of the period holding {@code date} (driver side). */
    public LocalDate end(LocalDate date) {
        return start(date).plusMonths(months).minusDays(1);
    }

    /** Label of the period holding {@code date} (driver side). */
    public String label(LocalDate date) {
        return switch (this) {
            case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
            case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
            case HALF -> date.getYear() + "-H" + (date.getMonthValue() > 6 ? 2 : 1);
            case YEAR -> Integer.toString(date.getYear());
        };
    }
}
