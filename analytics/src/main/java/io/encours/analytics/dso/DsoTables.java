package io.encours.analytics.dso;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.Dec;
import io.encours.analytics.cube.Periods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The published DSO tables (docs/tables/financial.md). */
public final class DsoTables {
    private static final List<String> CUBE_KEYS = List.of("as_of", Cube.ENTITY_KEY, Cube.SEGMENT_KEY, Cube.COLLECTOR_KEY);

    private DsoTables() {
    }

    /** AR, CurrentAR and their difference from an aged balance (total, not_due, overdue). */
    public static Dataset<Row> receivables(Dataset<Row> agedBalance, List<String> keys) {
        List<Column> out = new ArrayList<>(keys.stream().map(k -> col(k)).toList());
        out.add(col("total").as("receivables"));
        out.add(col("not_due").as("current_receivables"));
        out.add(col("overdue").as("overdue_receivables"));
        return agedBalance.select(out.toArray(Column[]::new));
    }

    /**
     * {@code fin_dso}: standard DSO per as_of, cube cell and window, every cell at every date.
     *
     * @param cells the cube cells ({@code Cube.cells})
     * @param dates column {@code as_of}: the month ends and T
     * @param agingCube the aged balance cube ({@code AgedBalance.cube})
     * @param salesWindows {@code Sales.windows}
     */
    public static Dataset<Row> standard(Dataset<Row> cells, Dataset<Row> dates, Dataset<Row> agingCube,
            Dataset<Row> salesWindows) {
        Dataset<Row> grid = cells.crossJoin(broadcast(dates)).select(col("as_of"), Periods.MONTH.label(col("as_of")).as("period"),
                col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY));
        return Dso.standard(grid, receivables(agingCube, CUBE_KEYS), salesWindows, CUBE_KEYS);
    }

    /**
     * {@code fin_dso_countback}: countback DSO per as_of and cube cell, every cell at every date.
     *
     * @param monthlySales {@code Sales.monthly}
     */
    public static Dataset<Row> countback(Dataset<Row> cells, Dataset<Row> dates, Dataset<Row> agingCube,
            Dataset<Row> monthlySales) {
        Dataset<Row> ar = cells.crossJoin(broadcast(dates))
                .join(agingCube.select(col("as_of"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                        col(Cube.COLLECTOR_KEY), col("total")), Dso.toSeq(CUBE_KEYS), "left")
                .select(col("as_of"), Periods.MONTH.label(col("as_of")).as("period"), col(Cube.ENTITY_KEY),
                        col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY),
                        coalesce(col("total"), Dec.zero()).as("receivables"));
        return Dso.countback(ar, monthlySales, List.of(Cube.ENTITY_KEY, Cube.SEGMENT_KEY, Cube.COLLECTOR_KEY));
    }

    /**
     * The debtor rows at T: debtors with a receivable at T or a document issued in
     * (T − 365, T], with their dimensions. Columns {@code as_of, debtor_id, entity_id, segment,
     * collector_id} (collector key).
     */
    private static Dataset<Row> debtorGrid(Dataset<Row> debtorBalancesAtT, Dataset<Row> debtorWindows,
            Dataset<Row> debtors, LocalDate snapshotDate) {
        Dataset<Row> ids = debtorBalancesAtT.select("debtor_id").union(debtorWindows.select("debtor_id")).distinct();
        return ids.join(debtors.select(col("debtor_id"), col("entity_id"), col("segment"),
                        Cube.collectorKey(col("collector_id")).as("collector_id")), "debtor_id")
                .select(lit(Date.valueOf(snapshotDate)).as("as_of"), col("debtor_id"), col("entity_id"),
                        col("segment"), col("collector_id"));
    }

    /**
     * {@code fin_dso_debtor}: standard DSO per debtor at T and window.
     *
     * @param debtorBalances {@code AgedBalance.debtorBalances} (every date; T is taken)
     * @param debtorWindows {@code Sales.debtorWindows}
     */
    public static Dataset<Row> debtorStandard(Dataset<Row> debtorBalances, Dataset<Row> debtorWindows,
            Dataset<Row> debtors, LocalDate snapshotDate) {
        Dataset<Row> atT = atT(debtorBalances, snapshotDate);
        Dataset<Row> grid = debtorGrid(atT, debtorWindows, debtors, snapshotDate);
        return Dso.standard(grid, receivables(atT, List.of("debtor_id")), debtorWindows, List.of("debtor_id"));
    }

    /**
     * {@code fin_dso_countback_debtor}: countback DSO per debtor at T.
     *
     * @param debtorMonthlySales {@code Sales.monthlyByDebtor} over 24 months
     */
    public static Dataset<Row> debtorCountback(Dataset<Row> debtorBalances, Dataset<Row> debtorWindows,
            Dataset<Row> debtorMonthlySales, Dataset<Row> debtors, LocalDate snapshotDate) {
        Dataset<Row> atT = atT(debtorBalances, snapshotDate);
        Dataset<Row> ar = debtorGrid(atT, debtorWindows, debtors, snapshotDate)
                .join(atT.select(col("debtor_id"), col("total")), Dso.toSeq(List.of("debtor_id")), "left")
                .select(col("as_of"), col("debtor_id"), col("entity_id"), col("segment"), col("collector_id"),
                        coalesce(col("total"), Dec.zero()).as("receivables"));
        return Dso.countback(ar, debtorMonthlySales, List.of("debtor_id"));
    }

    private static Dataset<Row> atT(Dataset<Row> debtorBalances, LocalDate snapshotDate) {
        return debtorBalances.filter(col("as_of").equalTo(lit(Date.valueOf(snapshotDate))));
    }
}
