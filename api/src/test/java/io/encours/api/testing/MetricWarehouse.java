package io.encours.api.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * One fixture warehouse with every published metric table, small and hand-chosen (values are
 * picked to test rounding and consolidation, not to be consistent with each other). T =
 * 2025-06-30; history months 2025-05 and 2025-06. Dimensions are {@link TestWarehouse}'s:
 * entities ENT-01..03, collectors COL-01 (demo collector), COL-02, debtors D-001 (ENT-01,
 * MICRO, COL-01), D-002 (ENT-02, SME, COL-02), D-003 (ENT-01, PUBLIC, unassigned); the demo
 * entity-cfo sees ENT-01.
 */
public final class MetricWarehouse {

    public static final String RUN_ID = "20250701T060000Z";
    public static final LocalDate T = LocalDate.of(2025, 6, 30);

    private static volatile TestWarehouse shared;

    private MetricWarehouse() {
    }

    public static synchronized TestWarehouse shared() {
        if (shared == null) {
            TestWarehouse w = TestWarehouse.at(Fixtures.tempDir("encours-metrics"));
            Path file = w.build(RUN_ID, T, MetricWarehouse::tables);
            w.point(file.getFileName().toString());
            shared = w;
        }
        return shared;
    }

    static void tables(Statement s) throws SQLException {
        FinancialFixtures.create(s);
        CollectionFixtures.create(s);
        ForecastFixtures.create(s);
    }
}
