package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three effects planted for the analytics, measured on generated rows with METRICS.md's
 * definitions (see SnapshotMetrics), at a size where they are stable.
 */
class PlantedTruthsTest {
    private static SnapshotMetrics m;

    @BeforeAll
    static void generate() throws Exception {
        Path snapshot = TestSnapshots.generate(600, 8_000, 11, null, 3_000);
        m = new SnapshotMetrics(snapshot, TestSnapshots.AS_OF);
    }

    @AfterAll
    static void close() throws Exception {
        m.close();
    }

    @Test
    void microDebtorsOnTheSmsPlanPayFasterAndRespondMore() throws Exception {
        double sms = m.averageDelay("segment = 'MICRO' AND scenario_id = 'SC-MICRO-SMS'");
        double others = m.averageDelay("segment = 'MICRO' AND scenario_id IS DISTINCT FROM 'SC-MICRO-SMS'");
        assertThat(sms).isPositive();
        assertThat(sms / others).isLessThanOrEqualTo(0.5);

        double smsResponse = m.responseRate("debtor_id IN (SELECT debtor_id FROM debtors"
                + " WHERE segment = 'MICRO' AND scenario_id = 'SC-MICRO-SMS')");
        double otherResponse = m.responseRate("debtor_id IN (SELECT debtor_id FROM debtors"
                + " WHERE segment = 'MICRO' AND scenario_id IS DISTINCT FROM 'SC-MICRO-SMS')");
        assertThat(smsResponse).isGreaterThan(otherResponse + 0.08);
        assertThat(m.responseRate("scenario_id = 'SC-MICRO-SMS'"))
                .isGreaterThan(m.responseRate("scenario_id = 'SC-MICRO-LETTER'") + 0.08);
    }

    @Test
    void promisesOfCol003AreKeptFarMoreOften() throws Exception {
        assertThat(m.count("SELECT count(*) FROM promise_status WHERE collector_id = 'COL-003'"
                + " AND status <> 'OPEN'")).isGreaterThan(60);
        assertThat(m.keptRate("collector_id = 'COL-003'")).isGreaterThanOrEqualTo(0.88);
        assertThat(m.keptRate("collector_id <> 'COL-003'")).isBetween(0.55, 0.75);
    }

    @Test
    void ent03DelaysWorsenOverTheLastSixMonths() throws Exception {
        List<String> months = List.of("2024-12", "2025-01", "2025-02", "2025-03", "2025-04",
                "2025-05", "2025-06");
        Map<String, Double> ent03 = m.monthlyDelay("entity_id = 'ENT-03'");
        Map<String, Double> others = m.monthlyDelay("entity_id <> 'ENT-03'");
        List<Double> series = new ArrayList<>();
        for (String month : months) {
            series.add(ent03.get(month));
        }
        for (int i = 2; i < series.size(); i++) {
            assertThat(series.get(i)).as(months.get(i)).isGreaterThan(series.get(i - 1));
        }
        assertThat(series.get(6) - series.get(0)).isGreaterThanOrEqualTo(15);
        // The other entities stay flat.
        assertThat(Math.abs(others.get("2025-06") - others.get("2024-12"))).isLessThan(10);
    }
}
