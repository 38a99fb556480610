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
import org.apache.spark.sql.Column;
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

    /** Prefix of the parent columns a status carries: {@code taken} becomes {@code _parent_taken}. */
    public static final String PARENT_PREFIX = "_parent_";

    /** One reference: the child's column, the parent's ids with whether any was accepted. */
    public record Reference(String column, Dataset<Row> parentStatus, boolean smallParent) {
        public Reference {
            requireNonNull(column, "column");
            requireNonNull(parentStatus, "parentStatus");
        }
    }

    /**
     * Parent status of a classified table: one row per non-null id, {@code _ok} true when at
     * least one row with that id was accepted, and for each of {@code taken} the accepted row's
     * value as {@value #PARENT_PREFIX}column (null when none was accepted; an id has at most one
     * accepted row: conflicting copies are all rejected). A child checked against it keeps the
     * taken columns, so it gets its parent's values in the same join as the check.
     */
    public static Dataset<Row> status(Dataset<Row> classified, String idColumn, String... taken) {
        Column accepted = col(REASON).isNull();
        Column[] values = java.util.Arrays.stream(taken)
                .map(c -> max(when(accepted, col(c))).as(PARENT_PREFIX + c)).toArray(Column[]::new);
        return classified.filter(col(idColumn).isNotNull())
                .groupBy(col(idColumn).as("_ref_id"))
                .agg(max(accepted).as("_ok"), values);
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
            List<Column> statusColumns = new java.util.ArrayList<>(
                    List.of(col("_ref_id").as(id), col("_ok").as(ok)));
            for (String taken : ref.parentStatus().columns()) {
                if (taken.startsWith(PARENT_PREFIX)) {
                    statusColumns.add(col(taken));
                }
            }
            Dataset<Row> status = ref.parentStatus().select(statusColumns.toArray(Column[]::new));
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
