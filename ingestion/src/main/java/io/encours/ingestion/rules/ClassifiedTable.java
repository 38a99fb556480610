package io.encours.ingestion.rules;

import static io.encours.ingestion.rules.References.REASON;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.encours.contract.Table;
import io.encours.ingestion.schema.SchemaConformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table after validation: one row per distinct physical row (exact duplicates collapsed,
 * {@code _copies} says how many physical rows it stands for), with {@code _reason} null for
 * accepted rows, the contract columns, the columns the job adds, and the extract's extras.
 */
public record ClassifiedTable(Table table, Dataset<Row> rows, List<String> extraColumns,
        List<String> addedColumns) {
    public static final String COPIES = "_copies";

    public ClassifiedTable {
        requireNonNull(table, "table");
        requireNonNull(rows, "rows");
        extraColumns = List.copyOf(extraColumns);
        addedColumns = List.copyOf(addedColumns);
    }

    /** Accepted rows in the curated layout: contract columns, then the added ones. */
    public Dataset<Row> accepted() {
        List<Column> columns = new ArrayList<>();
        table.columnNames().forEach(c -> columns.add(col(c)));
        addedColumns.forEach(c -> columns.add(col(c)));
        return rows.filter(col(REASON).isNull()).select(columns.toArray(Column[]::new));
    }

    /** Rejected rows: reason and the original row (contract and extra columns) as JSON. */
    public Dataset<Row> rejects() {
        List<Column> original = new ArrayList<>();
        table.columnNames().forEach(c -> original.add(col(c)));
        extraColumns.forEach(c -> original.add(col(SchemaConformer.EXTRA_PREFIX + c).as(c)));
        return rows.filter(col(REASON).isNotNull())
                .select(lit(table.name()).as("table_name"), col(REASON).as("reason"),
                        to_json(struct(original.toArray(Column[]::new)),
                                Map.of("ignoreNullFields", "false")).as("row_json"));
    }
}
