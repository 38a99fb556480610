package io.encours.samples.dirty;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a correct ingestion must find in a snapshot generated with {@code --dirty}: per table
 * and reason the number of rejected rows (cascades included), and per table the number of
 * exact duplicate rows collapsed. Tables or reasons absent from the lists have zero.
 */
public record DirtyManifest(double rate, List<ReasonCount> expectedRejects,
        List<TableCount> expectedDuplicatesCollapsed, List<TableCount> expectedAccepted) {
    public DirtyManifest {
        expectedRejects = List.copyOf(expectedRejects);
        expectedDuplicatesCollapsed = List.copyOf(expectedDuplicatesCollapsed);
        expectedAccepted = List.copyOf(expectedAccepted);
    }

    public record ReasonCount(String table, String reason, long count) {
        public ReasonCount {
            requireNonNull(table, "table");
            requireNonNull(reason, "reason");
        }
    }

    public record TableCount(String table, long count) {
        public TableCount {
            requireNonNull(table, "table");
        }
    }
}
