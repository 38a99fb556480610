package io.encours.samples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the realism figures and planted-truth magnitudes of a snapshot, as quoted in
 * data-samples/README.md. Run from the module folder after {@code mvn test-compile}:
 * {@code java -cp "target/classes:target/test-classes:target/lib/*"
 * io.encours.samples.MeasureSnapshot DIR/snapshot_date=2025-06-30 2025-06-30}.
 */
public final class MeasureSnapshot {
    private MeasureSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path snapshot = Path.of(args[0]);
        LocalDate asOf = LocalDate.parse(args[1]);
        try (SnapshotMetrics m = new SnapshotMetrics(snapshot, asOf)) {
            for (String t : List.of("entities", "collectors", "scenarios", "debtors", "fx_rates",
                    "invoices", "payments", "dunning_actions", "payment_promises", "disputes")) {
                System.out.printf("rows %-17s %,d%n", t, m.count("SELECT count(*) FROM " + t));
            }
            System.out.printf("%naverage_delay_days (all settled)      %.2f%n", m.averageDelay("true"));
            System.out.printf("average_delay_days_by_count           %.2f%n",
                    m.scalar("SELECT avg(days_late) FROM settled"));
            System.out.printf("share_paid_late                       %.3f%n",
                    m.scalar("SELECT avg((days_late > 0)::int) FROM settled"));
            System.out.printf("average_delay_days settled in 2024    %.2f%n",
                    m.averageDelay("year(settle_date) = 2024"));
            for (String s : List.of("KEY_ACCOUNT", "PUBLIC", "SME", "MICRO")) {
                System.out.printf("  %-12s delay %.2f  late share %.3f  unpaid_90 rate %.4f  "
                        + "invoices %.3f  amount share %.3f%n", s,
                        m.averageDelay("segment = '" + s + "'"),
                        m.scalar("SELECT avg((days_late > 0)::int) FROM settled WHERE segment = '"
                                + s + "'"),
                        unpaidRate(m, s),
                        m.scalar("SELECT avg((d.segment = '" + s + "')::int) FROM invoices i "
                                + "JOIN debtors d USING (debtor_id)"),
                        m.scalar("SELECT sum(amount * rate) FILTER (d.segment = '" + s
                                + "') / sum(amount * rate) FROM inv_rate i "
                                + "JOIN debtors d USING (debtor_id) WHERE document_type = 'INVOICE'"));
            }
            System.out.printf("%nkept_rate (all)                        %.3f  (kept %d, broken %d, open %d)%n",
                    m.keptRate("true"),
                    m.count("SELECT count(*) FROM promise_status WHERE status = 'KEPT'"),
                    m.count("SELECT count(*) FROM promise_status WHERE status = 'BROKEN'"),
                    m.count("SELECT count(*) FROM promise_status WHERE status = 'OPEN'"));
            System.out.printf("kept_rate COL-003                     %.3f  (%d resolved)%n",
                    m.keptRate("collector_id = 'COL-003'"),
                    m.count("SELECT count(*) FROM promise_status WHERE collector_id = 'COL-003' "
                            + "AND status <> 'OPEN'"));
            System.out.printf("kept_rate others                      %.3f  (%d resolved)%n",
                    m.keptRate("collector_id <> 'COL-003'"),
                    m.count("SELECT count(*) FROM promise_status WHERE collector_id <> 'COL-003' "
                            + "AND status <> 'OPEN'"));
            System.out.printf("debtor-level promises                 %d%n",
                    m.count("SELECT count(*) FROM payment_promises WHERE invoice_id IS NULL"));

            double sms = m.averageDelay("segment = 'MICRO' AND scenario_id = 'SC-MICRO-SMS'");
            double other = m.averageDelay("segment = 'MICRO' AND scenario_id IS DISTINCT FROM 'SC-MICRO-SMS'");
            System.out.printf("%nMICRO on SC-MICRO-SMS delay %.2f vs other MICRO %.2f (ratio %.2f)%n",
                    sms, other, sms / other);
            for (List<String> r : m.rows("SELECT coalesce(scenario_id, 'MANUAL'), count(*) FROM "
                    + "dunning_actions GROUP BY 1 ORDER BY 1")) {
                String where = r.get(0).equals("MANUAL") ? "scenario_id IS NULL"
                        : "scenario_id = '" + r.get(0) + "'";
                System.out.printf("  response_rate %-16s %.3f  (%s actions)%n", r.get(0),
                        m.responseRate(where), r.get(1));
            }
            System.out.printf("  response_rate MICRO debtors on SMS %.3f vs other MICRO %.3f%n",
                    m.responseRate("debtor_id IN (SELECT debtor_id FROM debtors WHERE segment = "
                            + "'MICRO' AND scenario_id = 'SC-MICRO-SMS')"),
                    m.responseRate("debtor_id IN (SELECT debtor_id FROM debtors WHERE segment = "
                            + "'MICRO' AND scenario_id IS DISTINCT FROM 'SC-MICRO-SMS')"));

            Map<String, Double> ent3 = m.monthlyDelay("entity_id = 'ENT-03'");
            Map<String, Double> rest = m.monthlyDelay("entity_id <> 'ENT-03'");
            System.out.println("\nmonthly average delay by settle month: ENT-03 | other entities");
            ent3.keySet().stream().skip(Math.max(0, ent3.size() - 9)).forEach(k ->
                    System.out.printf("  %s  %6.2f | %6.2f%n", k, ent3.get(k), rest.getOrDefault(k, Double.NaN)));

            System.out.println("\nshape");
            System.out.printf("  non-EUR invoices share                %.3f%n",
                    m.scalar("SELECT avg((currency <> 'EUR')::int) FROM invoices"));
            System.out.printf("  credit notes share (linked)           %.3f (%.3f)%n",
                    m.scalar("SELECT avg((document_type = 'CREDIT_NOTE')::int) FROM invoices"),
                    m.scalar("SELECT avg((credited_invoice_id IS NOT NULL)::int) FROM invoices"));
            System.out.printf("  disputed invoices share, open at T    %.3f, %d%n",
                    m.scalar("SELECT count(DISTINCT invoice_id) / (SELECT count(*) FROM invoices "
                            + "WHERE document_type = 'INVOICE') FROM disputes"),
                    m.count("SELECT count(*) FROM disputes WHERE resolved_date IS NULL "
                            + "OR resolved_date > DATE '" + asOf + "'"));
            System.out.printf("  written off invoices                  %d (after T: %d)%n",
                    m.count("SELECT count(*) FROM invoices WHERE written_off_date IS NOT NULL"),
                    m.count("SELECT count(*) FROM invoices WHERE written_off_date > DATE '" + asOf + "'"));
            System.out.printf("  invoices paid in 2+ payments          %.3f%n",
                    m.scalar("SELECT avg((n > 1)::int) FROM (SELECT count(*) AS n FROM payments GROUP BY invoice_id)"));
            System.out.printf("  overpaid invoices                     %d%n",
                    m.count("SELECT count(*) FROM (SELECT i.invoice_id FROM invoices i JOIN payments p "
                            + "USING (invoice_id) GROUP BY i.invoice_id, i.amount HAVING sum(p.amount) > i.amount)"));
            System.out.printf("  unassigned debtors, no scenario, unrated, insolvent  %.3f %.3f %.3f %d%n",
                    m.scalar("SELECT avg((collector_id IS NULL)::int) FROM debtors"),
                    m.scalar("SELECT avg((scenario_id IS NULL)::int) FROM debtors"),
                    m.scalar("SELECT avg((credit_score IS NULL)::int) FROM debtors"),
                    m.count("SELECT count(*) FROM debtors WHERE insolvency"));
            System.out.printf("  actions: debtor-level %d, ad-hoc %d, manual %d, preventive %d%n",
                    m.count("SELECT count(*) FROM dunning_actions WHERE invoice_id IS NULL"),
                    m.count("SELECT count(*) FROM dunning_actions WHERE scenario_id IS NULL"),
                    m.count("SELECT count(*) FROM dunning_actions WHERE collector_id IS NOT NULL"),
                    m.count("SELECT count(*) FROM dunning_actions WHERE preventive"));
            System.out.println("  sales by issue month (EUR k):");
            for (List<String> r : m.rows("SELECT strftime(issue_date, '%Y-%m'), round(sum(amount * rate) / 1000) "
                    + "FROM inv_rate GROUP BY 1 ORDER BY 1")) {
                System.out.printf("    %s %s%n", r.get(0), r.get(1));
            }
        }
    }

    /** unpaid_rate of the final cohorts (due months whose last day + 90 <= T). */
    private static double unpaidRate(SnapshotMetrics m, String segment) throws Exception {
        return m.scalar(String.format("""
                WITH c AS (
                  SELECT i.invoice_id, i.amount, i.rate, i.due_date FROM inv_rate i
                  JOIN debtors d USING (debtor_id)
                  WHERE i.document_type = 'INVOICE' AND d.segment = '%s'
                    AND last_day(i.due_date) + 90 <= DATE '%s'),
                applied AS (
                  SELECT c.invoice_id, coalesce((SELECT sum(p.amount) FROM payments p
                      WHERE p.invoice_id = c.invoice_id AND p.payment_date <= c.due_date + 90), 0)
                    + coalesce((SELECT -sum(n.amount) FROM invoices n WHERE n.credited_invoice_id
                      = c.invoice_id AND n.issue_date <= c.due_date + 90), 0) AS a FROM c)
                SELECT sum((c.amount - a.a) * c.rate) / sum(c.amount * c.rate)
                FROM c JOIN applied a USING (invoice_id)""", segment, m.asOf()));
    }
}
