package io.encours.samples.ledger;

import io.encours.samples.rows.FxRateRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Daily (business-day) conversion rates for the non-euro currencies, from a little before the
 * history window to T: a mean-reverting random walk on the ECB-style quote (units per euro,
 * four decimals) around a realistic level, stored as {@code eur_per_unit} with 8 decimals.
 */
public final class FxHistory {
    /** Currency, typical quote (units per EUR), daily volatility of the quote. */
    private record Spec(String currency, double level, double dailyVol) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("GBP", 0.855, 0.0030),
            new Spec("USD", 1.085, 0.0045),
            new Spec("CHF", 0.965, 0.0035));
    /** Pull back towards the level, per day. */
    private static final double MEAN_REVERSION = 0.02;
    /** The rates start this many days before the window so the first invoices find one. */
    public static final int LEAD_DAYS = 14;

    public static final List<String> CURRENCIES =
            SPECS.stream().map(Spec::currency).toList();

    private final int first;
    private final int last;
    /** Per currency, per day from {@code first}: the latest eur_per_unit × 1e8, or 0. */
    private final long[][] asOf;
    private final List<FxRateRow> rows = new ArrayList<>();

    public FxHistory(long seed, int windowStart, int asOfDay) {
        this.first = windowStart - LEAD_DAYS;
        this.last = asOfDay;
        this.asOf = new long[SPECS.size()][last - first + 1];
        for (int c = 0; c < SPECS.size(); c++) {
            Spec spec = SPECS.get(c);
            SplittableRandom rng = Seeds.stream(seed, Seeds.Purpose.FX, c);
            double logLevel = Math.log(spec.level);
            double logQuote = logLevel + rng.nextGaussian() * 0.02;
            long current = 0;
            for (int day = first; day <= last; day++) {
                if (Days.isBusinessDay(day)) {
                    logQuote += MEAN_REVERSION * (logLevel - logQuote)
                            + spec.dailyVol * rng.nextGaussian();
                    BigDecimal quote = BigDecimal.valueOf(Math.exp(logQuote))
                            .round(new MathContext(12)).setScale(4, RoundingMode.HALF_EVEN);
                    BigDecimal eurPerUnit = BigDecimal.ONE.divide(quote, 8, RoundingMode.HALF_EVEN);
                    rows.add(new FxRateRow(spec.currency, Days.date(day), eurPerUnit));
                    current = eurPerUnit.unscaledValue().longValueExact();
                }
                asOf[c][day - first] = current;
            }
        }
    }

    /** The fx_rates rows, currency by currency, in date order. */
    public List<FxRateRow> rows() {
        return rows;
    }

    /** The first day with a rate (the same for every currency: a business day). */
    public int firstRateDay() {
        return Days.nextBusinessDay(first);
    }

    /** eur_per_unit × 1e8 of the latest rate dated ≤ day; 1e8 for EUR; 0 when none. */
    public long rate(String currency, int day) {
        if (currency.equals("EUR")) {
            return 100_000_000L;
        }
        int c = CURRENCIES.indexOf(currency);
        if (c < 0) {
            throw new IllegalArgumentException("no rates for " + currency);
        }
        if (day < first) {
            return 0;
        }
        return asOf[c][Math.min(day, last) - first];
    }

    /** An amount in EUR cents expressed in cents of {@code currency} at the rate of {@code day}. */
    public long fromEur(long eurCents, String currency, int day) {
        long rate = rate(currency, day);
        return Math.max(1, Math.round(eurCents * 1e8 / rate));
    }

    /**
     * The largest amount in the currency, at most {@code remaining}, whose value at the
     * rate of {@code promiseDay} does not exceed {@code remaining}'s value at the rate of
     * {@code invoiceDay}. A promise converts at its creation date's rate but the payments that
     * keep it convert at the invoice's rate (DATA-CONTRACT.md), so a promise of the whole
     * remaining in a currency that rose since the invoice would look unkept even when paid.
     */
    public long promisable(long remaining, String currency, int invoiceDay, int promiseDay) {
        long invoiceRate = rate(currency, invoiceDay);
        long promiseRate = rate(currency, promiseDay);
        if (promiseRate <= invoiceRate) {
            return remaining;
        }
        return Math.multiplyExact(remaining, invoiceRate) / promiseRate;
    }
}
