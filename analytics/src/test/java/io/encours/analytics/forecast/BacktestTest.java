package io.encours.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.encours.testing.SnapshotFixture;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Backtest arithmetic, range calibration and configuration, by hand. */
class BacktestTest {
    private static final double EPS = 1e-12;

    @Test
    void wapeIsAbsoluteErrorOverActual() {
        // (|100 − 110| + |200 − 150|) / (100 + 200) = 60 / 300
        assertThat(Backtest.wape(new double[] {100, 200}, new double[] {110, 150})).isCloseTo(0.2, within(EPS));
        assertThat(Backtest.wape(new double[] {0, 0}, new double[] {1, 2})).isNaN();
    }

    @Test
    void quantilesUseTheNPlusOnePosition() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(Backtest.quantile(sorted, 0.1)).isEqualTo(1.0);  // (9 + 1) × 0.1 = 1
        assertThat(Backtest.quantile(sorted, 0.9)).isEqualTo(9.0);  // 9
        assertThat(Backtest.quantile(sorted, 0.25)).isEqualTo(2.5); // 2.5 → between 2 and 3
        assertThat(Backtest.quantile(sorted, 0.05)).isEqualTo(1.0); // clamped
    }

    @Test
    void bandsAndLeaveOneOutCoverage() {
        // 10 cutoffs, forecast 100 each, actuals → ratios 0.8 … 2.0
        double[][] actual = {{80}, {85}, {90}, {95}, {100}, {105}, {110}, {115}, {120}, {200}};
        double[][] forecast = new double[10][1];
        double[][] baseline = new double[10][1];
        for (int i = 0; i < 10; i++) {
            forecast[i][0] = 100;
            baseline[i][0] = 150;
        }
        Backtest.Result r = Backtest.evaluate(new Backtest.Table(actual, forecast, baseline), 0.8, null);
        // all 10: position 11 × 0.1 = 1.1 → 0.80 + 0.1 × 0.05 = 0.805; 11 × 0.9 = 9.9 → 1.2 + 0.9 × 0.8 = 1.92
        assertThat(r.bands()[0].low()).isCloseTo(0.805, within(EPS));
        assertThat(r.bands()[0].high()).isCloseTo(1.92, within(EPS));
        // leaving one out, 9 ratios: positions 1 and 9 = min and max of the others, so only the
        // smallest (80) and largest (200) actuals fall outside their range: 8 / 10
        assertThat(r.coverage(0)).isCloseTo(0.8, within(EPS));
        // WAPE: Σ|a − 100| = 20+15+10+5+0+5+10+15+20+100 = 200 over Σa = 1 100
        assertThat(r.wape()).isCloseTo(200.0 / 1100, within(EPS));
        // baseline 150: Σ|a − 150| = 70+65+60+55+50+45+40+35+30+50 = 500
        assertThat(r.baselineWape()).isCloseTo(500.0 / 1100, within(EPS));
        // with fewer than 8 usable ratios a cell has no band of its own
        assertThat(Backtest.band(new double[] {1, 2}, new double[] {1, 1}, -1, 0.8).isDefined()).isFalse();
        Backtest.Result small = Backtest.evaluate(new Backtest.Table(new double[][] {{90}, {110}},
                new double[][] {{100}, {100}}, new double[][] {{0}, {0}}), 0.8, r);
        assertThat(small.bands()[0]).isEqualTo(r.bands()[0]);
    }

    @Test
    void monthsAreTheCalendarMonthsOfTheHorizon() {
        Backtest.Periods m = Backtest.Periods.months(SnapshotFixture.d("2025-06-30"), 90);
        // July 1–31, August 1–31, September 1–28
        assertThat(m.start()).containsExactly(0, 31, 62);
        assertThat(m.end()).containsExactly(30, 61, 89);
        Backtest.Periods mid = Backtest.Periods.months(SnapshotFixture.d("2025-06-15"), 40);
        assertThat(mid.start()).containsExactly(0, 15);
        assertThat(mid.end()).containsExactly(14, 39);
        assertThat(mid.within(20).end()).containsExactly(14, 19);
    }

    @Test
    void configDefaultsCutoffsAndValidation() {
        ForecastConfig c = ForecastConfig.defaults();
        LocalDate t = SnapshotFixture.d("2025-06-30");
        // c_k = T − 7k, k = 38 … 13
        assertThat(c.cutoffs(t)).hasSize(26).startsWith(SnapshotFixture.d("2024-10-07"))
                .endsWith(SnapshotFixture.d("2025-03-31"));
        assertThat(c.asOfDates(t)).hasSize(27).endsWith(t);
        assertThat(c.computedDays()).isEqualTo(91);
        assertThatThrownBy(() -> new ForecastConfig(0, 26, 13, 3, 5, 0.8, 182)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastConfig(90, 1, 13, 3, 5, 0.8, 182)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastConfig(90, 26, 0, 3, 5, 0.8, 182)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastConfig(90, 26, 13, -1, 5, 0.8, 182)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastConfig(90, 26, 13, 3, Double.NaN, 0.8, 182))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastConfig(90, 26, 13, 3, 5, 1.0, 182)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastConfig(90, 26, 13, 3, 5, 0.8, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
