package io.encours.api.unpaid;

import io.encours.api.query.CubeCell;
import io.encours.api.query.Ratios;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.unpaid.UnpaidRateResponse.Point;
import io.encours.api.web.params.MonthRange;
import java.util.List;

/** The SQL of the unpaid rate (fin_unpaid_rate). */
final class UnpaidRateQueries {

    static final String SERIES = """
            SELECT period, max(unpaid_rate) AS unpaid_rate, sum(amount_due) AS amount_due,
                   sum(amount_unpaid) AS amount_unpaid, bool_and("final") AS final_rate, max(final_on) AS final_on,
                   sum(invoices) AS invoices
            FROM fin_unpaid_rate
            {where}
            GROUP BY period
            ORDER BY period""";

    private UnpaidRateQueries() {
    }

    static List<Point> series(Snapshot snapshot, CubeCell cell, MonthRange range) {
        SqlFilter where = cell.keys().between("period", range.fromKey(), range.toKey());
        return snapshot.list(where.applyTo(SERIES), Point.class, where.params()).stream()
                .map(p -> cell.consolidated()
                        ? new Point(p.period(), Ratios.divide(p.amountUnpaid(), p.amountDue()), p.amountDue(),
                                p.amountUnpaid(), p.finalRate(), p.finalOn(), p.invoices())
                        : p)
                .toList();
    }
}
