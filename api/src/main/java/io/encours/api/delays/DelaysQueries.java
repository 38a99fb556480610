package io.encours.api.delays;

import io.encours.api.delays.DelaysResponse.Point;
import io.encours.api.query.CubeCell;
import io.encours.api.query.Ratios;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.web.params.MonthRange;
import java.math.BigDecimal;
import java.util.List;

/** The SQL of the delays feature (fin_delays). */
final class DelaysQueries {

    /** One cell, or the per-entity cells summed per period (several entities). */
    static final String SERIES = """
            SELECT period, sum(invoices_settled) AS invoices_settled, sum(amount_settled) AS amount_settled,
                   sum(invoices_paid_late) AS invoices_paid_late, sum(days_late_total) AS days_late_total,
                   sum(amount_days_late) AS amount_days_late, max(average_delay_days) AS average_delay_days,
                   max(average_delay_days_by_count) AS average_delay_days_by_count,
                   max(share_paid_late) AS share_paid_late
            FROM fin_delays
            WHERE granularity = ? AND {and}
            GROUP BY period, period_start
            ORDER BY period_start""";

    record Row(String period, long invoicesSettled, BigDecimal amountSettled, long invoicesPaidLate,
            long daysLateTotal, BigDecimal amountDaysLate, BigDecimal averageDelayDays,
            BigDecimal averageDelayDaysByCount, BigDecimal sharePaidLate) {
    }

    private DelaysQueries() {
    }

    static List<Point> series(Snapshot snapshot, CubeCell cell, String granularity, MonthRange range) {
        SqlFilter where = cell.keys()
                .between("period_end", range.fromDate(), null)
                .between("period_start", null, range.toDate());
        Object[] params = new Object[where.params().length + 1];
        params[0] = granularity;
        System.arraycopy(where.params(), 0, params, 1, params.length - 1);
        return snapshot.list(where.applyTo(SERIES), Row.class, params).stream()
                .map(row -> cell.consolidated() ? consolidated(row) : published(row))
                .toList();
    }

    private static Point published(Row row) {
        return new Point(row.period(), row.averageDelayDays(), row.averageDelayDaysByCount(), row.sharePaidLate(),
                row.invoicesSettled(), row.amountSettled());
    }

    /** financial.md: sum the components, then the same divisions. */
    private static Point consolidated(Row row) {
        return new Point(row.period(), Ratios.divide(row.amountDaysLate(), row.amountSettled()),
                Ratios.divide(row.daysLateTotal(), row.invoicesSettled()),
                Ratios.divide(row.invoicesPaidLate(), row.invoicesSettled()),
                row.invoicesSettled(), row.amountSettled());
    }
}
