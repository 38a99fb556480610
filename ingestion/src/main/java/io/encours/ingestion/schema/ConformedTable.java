package io.encours.ingestion.schema;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Table;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table read from the snapshot with every contract column in its contract type (missing
 * optional columns as nulls), followed by the extra columns of the extract, untouched but
 * renamed with {@link SchemaConformer#EXTRA_PREFIX}; {@code extraColumns} holds their names.
 */
public record ConformedTable(Table table, Dataset<Row> rows, List<String> extraColumns,
        List<String> toleratedVariants) {
    public ConformedTable {
        requireNonNull(table, "table");
        requireNonNull(rows, "rows");
        extraColumns = List.copyOf(extraColumns);
        toleratedVariants = List.copyOf(toleratedVariants);
    }
}
