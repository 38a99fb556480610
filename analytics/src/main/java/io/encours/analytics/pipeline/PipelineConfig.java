package io.encours.analytics.pipeline;

import static java.util.Objects.requireNonNull;

import io.encours.ingestion.IngestionConfig;

/**
 * One pipeline run: the ingestion's settings, the analytics' parameters, and how many runs to
 * keep.
 *
 * @param promiseGraceDays days after the promised date a payment still keeps a promise
 * @param attributionWindowDays days before a payment an action may be credited with it
 * @param forecastHorizonDays days forecast from T + 1
 * @param backtestCutoffs weekly cutoffs of the backtest
 */
public record PipelineConfig(IngestionConfig ingestion, int promiseGraceDays,
        int attributionWindowDays, int forecastHorizonDays, int backtestCutoffs) {
    public static final int DEFAULT_PROMISE_GRACE_DAYS = 3;
    public static final int DEFAULT_ATTRIBUTION_WINDOW_DAYS = 14;
    public static final int DEFAULT_FORECAST_HORIZON_DAYS = 90;
    public static final int DEFAULT_BACKTEST_CUTOFFS = 26;

    public PipelineConfig {
        requireNonNull(ingestion, "ingestion");
        if (promiseGraceDays < 0 || promiseGraceDays > 60) {
            throw new IllegalArgumentException("promise grace days must be within 0..60");
        }
        if (attributionWindowDays < 0 || attributionWindowDays > 90) {
            throw new IllegalArgumentException("attribution window days must be within 0..90");
        }
        if (forecastHorizonDays < 1 || forecastHorizonDays > 366) {
            throw new IllegalArgumentException("forecast horizon must be within 1..366 days");
        }
        if (backtestCutoffs < 1 || backtestCutoffs > 104) {
            throw new IllegalArgumentException("backtest cutoffs must be within 1..104");
        }
    }
}
