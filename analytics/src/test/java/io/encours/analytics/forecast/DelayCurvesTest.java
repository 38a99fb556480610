package io.encours.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.encours.analytics.forecast.DelayCurves.Cohort;
import io.encours.analytics.forecast.DelayCurves.Curve;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delay curves on hand-computed Kaplan–Meier cases. */
class DelayCurvesTest {
    private static final double EPS = 1e-12;

    private static LocalDate day(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    @Test
    void aSegmentPayingTenDaysLateExpectsAnInvoiceDueYesterdayNineDaysLater() {
        // 5 invoices, all settled exactly 10 days after their due date, long before a = day 200.
        List<Cohort> cohorts = List.of(new Cohort("PUBLIC", 100, -30, 10, 3), new Cohort("PUBLIC", 120, -30, 10, 2));
        Curve c = DelayCurves.estimate(cohorts, List.of(day(200)), 0).get(day(200)).get("PUBLIC");
        assertThat(c.survivalAfter(9)).isEqualTo(1.0);
        assertThat(c.survivalAfter(10)).isEqualTo(0.0);
        // due yesterday: age 1; P(δ = 1 + j | δ > 1) is 1 at j = 9
        double[] p = c.conditional(1, 30);
        assertThat(p[8]).isEqualTo(1.0);
        assertThat(p).containsOnly(0.0, 1.0);
        assertThat(c.withinDays(1, 30)).isEqualTo(1.0);
        assertThat(c.medianDay(1, 30)).isEqualTo(9);
        // older than anything the segment pays: nothing expected
        assertThat(c.conditional(10, 30)).containsOnly(0.0);
        assertThat(c.medianDay(10, 30)).isZero();
        assertThat(c.meanDelay()).isEqualTo(10.0);
        assertThat(c.settled()).isEqualTo(5);
    }

    @Test
    void kaplanMeierCountsOnlyWhatWasKnownAtTheAsOfDate() {
        List<Cohort> cohorts = List.of(
                new Cohort("SME", 50, -30, 0, 1),                    // A: settled on day 50
                new Cohort("SME", 50, -30, 10, 1),                   // B: settled on day 60
                new Cohort("SME", 90, -30, DelayCurves.NEVER, 1),   // C: never settled
                new Cohort("SME", 95, -30, 20, 1),                   // D: settles on day 115
                new Cohort("SME", 140, -30, 0, 1));                  // E: issued on day 110
        Map<LocalDate, Map<String, Curve>> curves = DelayCurves.estimate(cohorts, List.of(day(100), day(120)), 0);

        // a = 100: E not issued; D censored at age 5 (its settlement is in the future), C at 10.
        // δ = 0: at risk A B C D = 4, 1 event → S(0) = 3/4; δ = 6..10: at risk B C = 2, event B
        // at 10 → S(10) = 3/4 × 1/2 = 0.375; nobody at risk after 10.
        Curve at100 = curves.get(day(100)).get("SME");
        assertThat(at100.survivalAfter(-1)).isEqualTo(1.0);
        assertThat(at100.survivalAfter(0)).isCloseTo(0.75, within(EPS));
        assertThat(at100.survivalAfter(9)).isCloseTo(0.75, within(EPS));
        assertThat(at100.survivalAfter(10)).isCloseTo(0.375, within(EPS));
        assertThat(at100.survivalAfter(365)).isCloseTo(0.375, within(EPS));
        long[] atRisk = at100.atRisk();
        int zero = -DelayCurves.MIN_DELAY;
        assertThat(new long[] {atRisk[zero - 31], atRisk[zero - 30], atRisk[zero], atRisk[zero + 5], atRisk[zero + 6],
            atRisk[zero + 10], atRisk[zero + 11]}).containsExactly(0, 4, 4, 3, 2, 2, 0);
        assertThat(at100.settled()).isEqualTo(2);
        assertThat(at100.meanDelay()).isEqualTo(5.0); // (0 + 10) / 2

        // unpaid at age −1: 0.25 on day 1 (δ = 0), 0.375 on day 11 (δ = 10); 0.625 within 15
        // days, median day 11 (cumulative 0.25 < 0.3125 until day 11)
        double[] p = at100.conditional(-1, 15);
        assertThat(p[0]).isCloseTo(0.25, within(EPS));
        assertThat(p[10]).isCloseTo(0.375, within(EPS));
        assertThat(at100.withinDays(-1, 15)).isCloseTo(0.625, within(EPS));
        assertThat(at100.medianDay(-1, 15)).isEqualTo(11);

        // a = 120: D's settlement (day 115, δ = 20) is known now. δ = 10: at risk B C D = 3 →
        // S(10) = 3/4 × 2/3 = 0.5; δ = 20: at risk C D = 2 → S(20) = 0.25.
        Curve at120 = curves.get(day(120)).get("SME");
        assertThat(at120.survivalAfter(10)).isCloseTo(0.5, within(EPS));
        assertThat(at120.survivalAfter(20)).isCloseTo(0.25, within(EPS));
        assertThat(at120.meanDelay()).isEqualTo(10.0); // (0 + 10 + 20) / 3
    }

    @Test
    void shiftAverageClipsLongDelaysAndAMissingSegmentUsesAllSegments() {
        // δ = 200 is an event of the curve but counts as 180 in the mean used by the shift;
        // δ = BEYOND (> 365) is censored at 365 in the curve.
        List<Cohort> cohorts = List.of(new Cohort("SME", 0, -30, 200, 1), new Cohort("SME", 0, -30, 0, 1),
                new Cohort("SME", 0, -30, DelayCurves.BEYOND, 1));
        Map<String, Curve> curves = DelayCurves.estimate(cohorts, List.of(day(1000)), 0).get(day(1000));
        Curve sme = curves.get("SME");
        assertThat(sme.meanDelay()).isCloseTo((180 + 0 + 180) / 3.0, within(EPS));
        // S(0) = 2/3, S(200) = 2/3 × 1/2 = 1/3, and 1/3 left at 365 (the BEYOND invoice)
        assertThat(sme.survivalAfter(200)).isCloseTo(1 / 3.0, within(EPS));
        assertThat(sme.survivalAfter(365)).isCloseTo(1 / 3.0, within(EPS));
        assertThat(DelayCurves.of(curves, "MICRO")).isSameAs(curves.get(DelayCurves.ALL_SEGMENTS));
        assertThat(DelayCurves.of(curves, "SME")).isSameAs(sme);
    }
}
