package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.encours.contract.Contract;
import io.encours.contract.RejectReason;
import io.encours.contract.Table;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --dirty}: the manifest in _generator.json says exactly what a correct implementation
 * of the contract's rules finds (checked with ContractChecker, and for the simple reasons by
 * counting the rows with the broken property), and the reject shares stay within bounds.
 */
class DirtyDataTest {
    @Test
    void manifestMatchesTheRulesAtFivePercent() throws Exception {
        Path snapshot = TestSnapshots.generate(300, 5_000, 3, 0.05, 1_000_000);
        ContractChecker.Outcome outcome = ContractChecker.check(snapshot, TestSnapshots.AS_OF);
        JsonNode dirty = TestSnapshots.manifest(snapshot).get("dirty");
        assertMatches(outcome, dirty);
        for (Table t : Contract.TABLES) {
            assertThat((double) outcome.rejected(t.name()) / outcome.read().get(t.name()))
                    .as(t.name()).isLessThanOrEqualTo(0.15);
        }
        // Every reason that applies shows up in the big tables.
        assertThat(outcome.rejects().get("invoices")).containsOnlyKeys(RejectReason.values());
        assertThat(outcome.rejects().get("payments").keySet()).containsExactlyInAnyOrder(
                RejectReason.MISSING_REQUIRED, RejectReason.BAD_ENUM, RejectReason.BAD_AMOUNT,
                RejectReason.FUTURE_DATE, RejectReason.DUPLICATE_ID,
                RejectReason.UNKNOWN_REFERENCE, RejectReason.PARENT_REJECTED);
        assertThat(outcome.rejects().get("dunning_actions").keySet()).containsExactlyInAnyOrder(
                RejectReason.MISSING_REQUIRED, RejectReason.BAD_ENUM, RejectReason.FUTURE_DATE,
                RejectReason.DUPLICATE_ID, RejectReason.UNKNOWN_REFERENCE,
                RejectReason.PARENT_REJECTED);
        assertThat(outcome.rejects().get("debtors")).containsKeys(RejectReason.MISSING_REQUIRED,
                RejectReason.BAD_ENUM, RejectReason.BAD_AMOUNT, RejectReason.DUPLICATE_ID,
                RejectReason.UNKNOWN_REFERENCE);
        assertThat(outcome.rejects().get("fx_rates")).containsOnlyKeys(
                RejectReason.MISSING_REQUIRED, RejectReason.BAD_AMOUNT, RejectReason.DUPLICATE_ID);
        for (Table t : Contract.TABLES) {
            assertThat(outcome.collapsed().get(t.name())).as(t.name()).isPositive();
        }
    }

    @Test
    void simpleReasonsCountTheRowsWithTheBrokenProperty() throws Exception {
        Path snapshot = TestSnapshots.generate(300, 5_000, 3, 0.05, 1_000_000);
        Map<String, Long> expected = expectedRejects(TestSnapshots.manifest(snapshot).get("dirty"));
        try (SnapshotMetrics m = new SnapshotMetrics(snapshot, TestSnapshots.AS_OF)) {
            assertThat(m.count("SELECT count(*) FROM dunning_actions WHERE channel NOT IN"
                    + " ('EMAIL', 'SMS', 'CALL', 'LETTER', 'REGISTERED_LETTER', 'FORMAL_NOTICE')"
                    + " AND trim(channel) <> ''"))
                    .isEqualTo(expected.get("dunning_actions/BAD_ENUM")).isPositive();
            assertThat(m.count("SELECT count(*) FROM payments WHERE amount <= 0"))
                    .isEqualTo(expected.get("payments/BAD_AMOUNT")).isPositive();
            assertThat(m.count("SELECT count(*) FROM payments WHERE payment_date > DATE '2025-06-30'"))
                    .isEqualTo(expected.get("payments/FUTURE_DATE")).isPositive();
            assertThat(m.count("SELECT count(*) FROM disputes WHERE resolved_date < opened_date"))
                    .isEqualTo(expected.get("disputes/BAD_DATE_ORDER")).isPositive();
            assertThat(m.count("SELECT count(*) FROM invoices WHERE currency = 'JPY'"
                    + " OR (currency = 'GBP' AND issue_date < (SELECT min(rate_date) FROM fx_rates))"))
                    .isEqualTo(expected.get("invoices/MISSING_FX_RATE")).isPositive();
        }
    }

    @Test
    void onePercentStaysUnderTheDefaultThreshold() throws Exception {
        Path snapshot = TestSnapshots.generate(600, 8_000, 11, 0.01, 1_000_000);
        ContractChecker.Outcome outcome = ContractChecker.check(snapshot, TestSnapshots.AS_OF);
        assertMatches(outcome, TestSnapshots.manifest(snapshot).get("dirty"));
        long rejected = 0;
        for (Table t : Contract.TABLES) {
            long read = outcome.read().get(t.name());
            assertThat((double) outcome.rejected(t.name()) / read).as(t.name()).isLessThan(0.05);
            assertThat(outcome.accepted().get(t.name()) + outcome.rejected(t.name())
                    + outcome.collapsed().get(t.name())).isEqualTo(read);
            rejected += outcome.rejected(t.name());
        }
        assertThat(rejected).isGreaterThan(100);
    }

    @Test
    void cleanRowsArePrefixOfTheDirtySnapshot() throws Exception {
        Path clean = TestSnapshots.generate(600, 8_000, 11, null, 1_000_000);
        Path dirty = TestSnapshots.generate(600, 8_000, 11, 0.01, 1_000_000);
        for (Table t : Contract.TABLES) {
            List<List<String>> cleanRows = TestSnapshots.rows(clean, t);
            List<List<String>> dirtyRows = TestSnapshots.rows(dirty, t);
            assertThat(dirtyRows.size()).as(t.name()).isGreaterThan(cleanRows.size());
            assertThat(dirtyRows.subList(0, cleanRows.size())).as(t.name())
                    .containsExactlyElementsOf(cleanRows);
        }
    }

    private static Map<String, Long> expectedRejects(JsonNode dirty) {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode n : dirty.get("expectedRejects")) {
            out.put(n.get("table").asText() + "/" + n.get("reason").asText(), n.get("count").asLong());
        }
        return out;
    }

    private static void assertMatches(ContractChecker.Outcome outcome, JsonNode dirty) {
        Map<String, Map<RejectReason, Long>> expected = new HashMap<>();
        for (JsonNode n : dirty.get("expectedRejects")) {
            expected.computeIfAbsent(n.get("table").asText(), k -> new EnumMap<>(RejectReason.class))
                    .put(RejectReason.valueOf(n.get("reason").asText()), n.get("count").asLong());
        }
        Map<String, Long> collapsed = new HashMap<>();
        for (JsonNode n : dirty.get("expectedDuplicatesCollapsed")) {
            collapsed.put(n.get("table").asText(), n.get("count").asLong());
        }
        Map<String, Long> accepted = new HashMap<>();
        for (JsonNode n : dirty.get("expectedAccepted")) {
            accepted.put(n.get("table").asText(), n.get("count").asLong());
        }
        for (Table t : Contract.TABLES) {
            assertThat(outcome.rejects().get(t.name())).as(t.name())
                    .isEqualTo(expected.getOrDefault(t.name(), Map.of()));
            assertThat(outcome.collapsed().get(t.name())).as(t.name())
                    .isEqualTo(collapsed.getOrDefault(t.name(), 0L));
            assertThat(outcome.accepted().get(t.name())).as(t.name())
                    .isEqualTo(accepted.get(t.name()));
        }
    }
}
