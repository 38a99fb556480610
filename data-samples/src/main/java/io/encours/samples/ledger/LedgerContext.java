package io.encours.samples.ledger;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What every debtor's ledger shares: the snapshot date T, the history window, the sales
 * calendar, the exchange rates and the start of the planted drift.
 *
 * @param asOf T
 * @param windowStart the first day of the history
 * @param driftStart the first day of the last {@link PlantedTruths#DRIFT_MONTHS} months
 * @param documentIdWidth digits of the document numbers
 */
public record LedgerContext(int asOf, int windowStart, Seasonality seasonality, FxHistory fx,
        int driftStart, int documentIdWidth) {
    public LedgerContext {
        requireNonNull(seasonality, "seasonality");
        requireNonNull(fx, "fx");
    }

    public static LedgerContext create(long seed, LocalDate asOf, int months, long documents) {
        int t = Days.of(asOf);
        int start = Days.of(asOf.minusMonths(months).plusDays(1));
        int drift = Days.of(asOf.withDayOfMonth(1).minusMonths(PlantedTruths.DRIFT_MONTHS - 1));
        int width = Math.max(7, Long.toString(documents).length());
        return new LedgerContext(t, start, new Seasonality(start, t), new FxHistory(seed, start, t),
                drift, width);
    }

    /** Calendar months from the drift's first month to the month of {@code day}. */
    int monthsIntoDrift(int day) {
        LocalDate a = Days.date(driftStart);
        LocalDate b = Days.date(day);
        return (b.getYear() - a.getYear()) * 12 + b.getMonthValue() - a.getMonthValue();
    }
}
