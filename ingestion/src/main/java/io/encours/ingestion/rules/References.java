package io.encours.ingestion.rules;

import static io.encours.contract.RejectReason.PARENT_REJECTED;
import static io.encours.contract.RejectReason.UNKNOWN_REFERENCE;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Referential checks. A reference that is given must resolve: UNKNOWN_REFERENCE when no row of
 * the parent table has that id, PARENT_REJECTED when rows have it but none was accepted. With
 * several references on a row, an unknown one wins.
 */
public final class References {
    /** Internal column holding the reason so far; null while the row is still accepted. */
    public static final String REASON = "_reason";

    private References() {
    }

    /**
     * One reference: the child's column, the parent's ids with whether any was accepted, and the
     * columns of {@code parentStatus} the child takes from its parent ({@code carried}, kept on
     * the checked rows; null when the id is unknown).
     */
    public record Reference(String column, Dataset<Row> parentStatus, boolean smallParent, List<String> carried) {
        public Reference {
            requireNonNull(column, "column");
            requireNonNull(parentStatus, "parentStatus");
            carried = List.copyOf(carried);
        }

        public Reference(String column, Dataset<Row> parentStatus, boolean smallParent) {
            this(column, parentStatus, smallParent, List.of());
        }
    }

    /**
     * Parent status of a classified table: one row per non-null id, {@code _ok} true when at
     * least one row with that id was accepted.
     */
    public static Dataset<Row> status(Dataset<Row> classified, String idColumn) {
        return classified.filter(col(idColumn).isNotNull())
                .groupBy(col(idColumn).as("_ref_id"))
                .agg(max(col(REASON).isNull()).as("_ok"));
    }

    /**
     * Adds the reference reason to rows that have no reason yet. Joins never multiply rows:
     * a status table has one row per id.
     */
    public static Dataset<Row> check(Dataset<Row> rows, List<Reference> references) {
        Dataset<Row> joined = rows;
        org.apache.spark.sql.Column anyUnknown = lit(false);
        org.apache.spark.sql.Column anyRejectedParent = lit(false);
        for (int i = 0; i < references.size(); i++) {
            Reference ref = references.get(i);
            String id = "_ref" + i + "_id";
            String ok = "_ref" + i + "_ok";
            List<org.apache.spark.sql.Column> statusColumns = new java.util.ArrayList<>(
                    List.of(col("_ref_id").as(id), col("_ok").as(ok)));
            ref.carried().forEach(c -> statusColumns.add(col(c)));
            Dataset<Row> status = ref.parentStatus()
                    .select(statusColumns.toArray(org.apache.spark.sql.Column[]::new));
            if (ref.smallParent()) {
                status = broadcast(status);
            }
            joined = joined.join(status, col(ref.column()).equalTo(col(id)), "left");
            org.apache.spark.sql.Column given = col(ref.column()).isNotNull();
            anyUnknown = anyUnknown.or(given.and(col(id).isNull()));
            anyRejectedParent = anyRejectedParent.or(given.and(col(id).isNotNull())
                    .and(col(ok).unary_$bang()));
        }
        org.apache.spark.sql.Column refReason = when(anyUnknown, lit(UNKNOWN_REFERENCE.name()))
                .when(anyRejectedParent, lit(PARENT_REJECTED.name()));
        Dataset<Row> result = joined.withColumn(REASON,
                when(col(REASON).isNull(), refReason).otherwise(col(REASON)));
        for (int i = 0; i < references.size(); i++) {
            result = result.drop("_ref" + i + "_id", "_ref" + i + "_ok");
        }
        return result;
    }
}
