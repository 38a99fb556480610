package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clean data: every contract rule holds, the requested sizes are exact, the shape is real. */
class CleanDataTest {
    private static Path snapshot;
    private static SnapshotMetrics metrics;

    @BeforeAll
    static void generate() throws Exception {
        // Small part files so that several are written for the big tables.
        snapshot = TestSnapshots.generate(600, 8_000, 11, null, 3_000);
        metrics = new SnapshotMetrics(snapshot, TestSnapshots.AS_OF);
    }

    @Test
    void breaksNoContractRule() throws Exception {
        ContractChecker.Outcome outcome = ContractChecker.check(snapshot, TestSnapshots.AS_OF);
        for (Table t : Contract.TABLES) {
            assertThat(outcome.rejects().get(t.name())).as(t.name()).isEmpty();
            assertThat(outcome.collapsed().get(t.name())).as(t.name()).isZero();
            assertThat(outcome.accepted().get(t.name())).as(t.name())
                    .isEqualTo(outcome.read().get(t.name())).isPositive();
        }
    }

    @Test
    void writesExactlyTheRequestedInvoicesAndDebtors() throws Exception {
        assertThat(metrics.count("SELECT count(*) FROM invoices")).isEqualTo(8_000);
        assertThat(metrics.count("SELECT count(*) FROM debtors")).isEqualTo(600);
        JsonNode manifest = TestSnapshots.manifest(snapshot);
        assertThat(manifest.at("/cleanRows/invoices").asLong()).isEqualTo(8_000);
        assertThat(manifest.at("/parameters/seed").asLong()).isEqualTo(11);
        assertThat(manifest.has("dirty")).isFalse();
        for (Table t : Contract.TABLES) {
            assertThat(manifest.at("/rows/" + t.name()).asLong()).as(t.name())
                    .isEqualTo(metrics.count("SELECT count(*) FROM " + t.name()));
        }
    }

    @Test
    void splitsBigTablesIntoNumberedParts() throws Exception {
        try (Stream<Path> files = Files.list(snapshot.resolve("invoices"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
        }
        try (Stream<Path> entries = Files.list(snapshot)) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(Stream.concat(Stream.of("_generator.json"),
                            Contract.TABLES.stream().map(Table::name)).sorted().toList());
        }
    }

    @Test
    void referenceTablesLookLikeTheGroup() throws Exception {
        assertThat(metrics.rows("SELECT entity_id, country FROM entities ORDER BY entity_id"))
                .containsExactly(List.of("ENT-01", "FR"), List.of("ENT-02", "FR"),
                        List.of("ENT-03", "BE"), List.of("ENT-04", "ES"));
        assertThat(metrics.count("SELECT count(*) FROM collectors")).isEqualTo(4);
        assertThat(metrics.count("SELECT count(DISTINCT segment) FROM debtors")).isEqualTo(4);
        assertThat(metrics.count("SELECT count(*) FROM scenarios WHERE scenario_id = 'SC-MICRO-SMS'"
                + " AND target_segment = 'MICRO'")).isEqualTo(1);
        assertThat(metrics.scalar("SELECT avg((collector_id IS NULL)::int) FROM debtors"))
                .isBetween(0.02, 0.09);
        assertThat(metrics.scalar("SELECT avg((credit_score IS NULL)::int) FROM debtors"))
                .isBetween(0.04, 0.13);
        assertThat(metrics.count("SELECT count(*) FROM debtors WHERE insolvency")).isPositive();
        assertThat(metrics.count("SELECT count(*) FROM debtors WHERE scenario_id IS NULL")).isPositive();
    }

    @Test
    void ledgerHasTheUsualComplications() throws Exception {
        assertThat(metrics.scalar("SELECT avg((currency <> 'EUR')::int) FROM invoices"))
                .isBetween(0.06, 0.15);
        assertThat(metrics.scalar("SELECT avg((document_type = 'CREDIT_NOTE')::int) FROM invoices"))
                .isBetween(0.02, 0.07);
        // Linked credit notes, partial and total, and stand-alone ones.
        assertThat(metrics.count("SELECT count(*) FROM invoices c JOIN invoices i"
                + " ON c.credited_invoice_id = i.invoice_id WHERE c.amount = -i.amount")).isPositive();
        assertThat(metrics.count("SELECT count(*) FROM invoices c JOIN invoices i"
                + " ON c.credited_invoice_id = i.invoice_id WHERE -c.amount < i.amount")).isPositive();
        assertThat(metrics.count("SELECT count(*) FROM invoices c JOIN invoices i"
                + " ON c.credited_invoice_id = i.invoice_id WHERE c.issue_date <= i.issue_date")).isZero();
        assertThat(metrics.count("SELECT count(*) FROM invoices WHERE document_type = 'CREDIT_NOTE'"
                + " AND credited_invoice_id IS NULL")).isPositive();
        assertThat(metrics.count("SELECT count(*) FROM (SELECT invoice_id FROM payments"
                + " GROUP BY invoice_id HAVING count(*) BETWEEN 2 AND 3)")).isPositive();
        assertThat(metrics.count("SELECT count(*) FROM (SELECT i.invoice_id FROM invoices i JOIN payments p"
                + " USING (invoice_id) GROUP BY i.invoice_id, i.amount HAVING sum(p.amount) > i.amount)"))
                .isPositive();
        assertThat(metrics.count("SELECT count(*) FROM invoices WHERE written_off_date IS NOT NULL"))
                .isPositive();
        assertThat(metrics.count("SELECT count(*) FROM disputes WHERE resolved_date IS NULL")).isPositive();
        assertThat(metrics.scalar("SELECT avg((resolved_date IS NOT NULL AND resolved_date <= DATE '2025-06-30')"
                + "::int) FROM disputes")).isGreaterThan(0.7);
        assertThat(metrics.count("SELECT count(DISTINCT category) FROM disputes")).isEqualTo(5);
        assertThat(metrics.count("SELECT count(DISTINCT method) FROM payments")).isEqualTo(5);
    }

    @Test
    void dunningFollowsTheScenariosWhileUnpaid() throws Exception {
        // Actions only while unpaid: none after the invoice's settle date.
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions a JOIN settle s USING (invoice_id)"
                + " WHERE a.action_date >= s.settle_date")).isZero();
        // Preventive exactly when sent before the due date.
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions a JOIN invoices i USING (invoice_id)"
                + " WHERE a.preventive <> (a.action_date < i.due_date)")).isZero();
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions WHERE preventive")).isPositive();
        // Automatic channels carry no collector; calls carry the debtor's collector.
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions WHERE channel IN ('EMAIL', 'SMS',"
                + " 'LETTER', 'REGISTERED_LETTER') AND collector_id IS NOT NULL")).isZero();
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions a JOIN debtors d USING (debtor_id)"
                + " WHERE a.channel = 'CALL' AND a.collector_id IS DISTINCT FROM d.collector_id")).isZero();
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions WHERE invoice_id IS NULL")).isPositive();
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions WHERE scenario_id IS NULL"
                + " AND invoice_id IS NOT NULL")).isPositive();
        assertThat(metrics.count("SELECT count(DISTINCT channel) FROM dunning_actions")).isEqualTo(6);
        // Steps belong to the debtor's scenario.
        assertThat(metrics.count("SELECT count(*) FROM dunning_actions a JOIN debtors d USING (debtor_id)"
                + " WHERE a.scenario_id IS NOT NULL AND a.scenario_id <> d.scenario_id")).isZero();
    }

    @Test
    void promisesAreMadeOnCallsForTheRemaining() throws Exception {
        // Each promise was obtained on a call of its collector the same day, after the due date.
        assertThat(metrics.count("SELECT count(*) FROM payment_promises p WHERE NOT EXISTS ("
                + " SELECT 1 FROM dunning_actions a WHERE a.channel = 'CALL' AND a.debtor_id = p.debtor_id"
                + " AND a.action_date = p.created_date AND a.collector_id = p.collector_id)")).isZero();
        assertThat(metrics.count("SELECT count(*) FROM payment_promises p JOIN invoices i USING (invoice_id)"
                + " WHERE p.created_date <= i.due_date OR p.currency <> i.currency")).isZero();
        assertThat(metrics.count("SELECT count(*) FROM payment_promises"
                + " WHERE datediff('day', created_date, promised_date) NOT BETWEEN 3 AND 23")).isZero();
        assertThat(metrics.count("SELECT count(*) FROM payment_promises WHERE invoice_id IS NULL")).isPositive();
        assertThat(metrics.count("SELECT count(*) FROM promise_status WHERE status = 'OPEN'")).isPositive();
        assertThat(metrics.keptRate("true")).isBetween(0.6, 0.8);
    }

    @Test
    void fxRatesCoverTheWholeHistory() throws Exception {
        assertThat(metrics.rows("SELECT DISTINCT currency FROM invoices WHERE currency <> 'EUR' ORDER BY 1"))
                .containsExactly(List.of("CHF"), List.of("GBP"), List.of("USD"));
        for (String c : List.of("CHF", "GBP", "USD")) {
            assertThat(metrics.count("SELECT count(*) FROM invoices WHERE currency = '" + c
                    + "' AND issue_date < (SELECT min(rate_date) FROM fx_rates WHERE currency = '" + c + "')"))
                    .isZero();
            assertThat(metrics.rows("SELECT max(rate_date) FROM fx_rates WHERE currency = '" + c + "'"))
                    .containsExactly(List.of("2025-06-30"));
            // Business days only, no gap longer than a weekend.
            assertThat(metrics.count("SELECT count(*) FROM (SELECT rate_date - lag(rate_date) OVER"
                    + " (ORDER BY rate_date) AS gap FROM fx_rates WHERE currency = '" + c + "') WHERE gap > 3"))
                    .isZero();
        }
        assertThat(metrics.scalar("SELECT min(eur_per_unit) FROM fx_rates WHERE currency = 'GBP'"))
                .isBetween(1.05, 1.3);
    }

    @Test
    void salesDipInAugustAndPeakInDecember() throws Exception {
        double august = metrics.scalar("SELECT count(*) FROM invoices WHERE month(issue_date) = 8");
        double december = metrics.scalar("SELECT count(*) FROM invoices WHERE month(issue_date) = 12");
        double average = metrics.scalar("SELECT count(*) / 12.0 FROM invoices");
        assertThat(august).isLessThan(0.75 * average);
        assertThat(december).isGreaterThan(1.1 * average);
    }
}
