package io.encours.testing;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import io.encours.ingestion.schema.ConformedTable;
import io.encours.ingestion.schema.SchemaConformer;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A tiny snapshot built row by row in contract column order, for tests. Values: String,
 * LocalDate, BigDecimal (or a number, converted), Integer, Boolean, or null.
 */
public final class SnapshotFixture {
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    public SnapshotFixture() {
        Contract.TABLES.forEach(t -> rows.put(t.name(), new ArrayList<>()));
    }

    /** One entity, collector, scenario and debtor, and a USD rate from 2025-01-01: all valid. */
    public static SnapshotFixture minimal() {
        return new SnapshotFixture()
                .add("entities", "E1", "Entity one", "FR")
                .add("collectors", "C1", "Claire", "Team A")
                .add("scenarios", "S1", "Standard", "SME")
                .add("debtors", "D1", "E1", "Debtor one", "SME", "C", "FR", "C1", "S1", null, null, false)
                .add("fx_rates", "USD", d("2025-01-01"), 0.9)
                .add("fx_rates", "USD", d("2025-02-01"), 0.8);
    }

    public SnapshotFixture add(String table, Object... values) {
        Table t = Contract.table(table);
        if (values.length != t.columns().size()) {
            throw new IllegalArgumentException(table + " has " + t.columns().size()
                    + " columns, got " + values.length + " values");
        }
        rows.get(table).add(values);
        return this;
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    public Dataset<Row> dataset(SparkSession spark, String table) {
        Table t = Contract.table(table);
        List<Row> converted = new ArrayList<>();
        for (Object[] values : rows.get(table)) {
            Object[] out = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = convert(values[i], t.columns().get(i).type());
            }
            converted.add(RowFactory.create(out));
        }
        return spark.createDataFrame(converted, SparkTypes.schemaOf(t));
    }

    /** The tables as the schema check would hand them to the validation. */
    public Map<String, ConformedTable> conformed(SparkSession spark) {
        Map<String, ConformedTable> result = new LinkedHashMap<>();
        for (Table t : Contract.TABLES) {
            result.put(t.name(), SchemaConformer.conform(t, dataset(spark, t.name())));
        }
        return result;
    }

    /** Writes the tables as Parquet under root/snapshot_date=date/. */
    public Path write(SparkSession spark, Path root, LocalDate date) {
        Path snapshot = root.resolve(Contract.SNAPSHOT_PREFIX + date);
        for (Table t : Contract.TABLES) {
            dataset(spark, t.name()).coalesce(1).write().parquet(snapshot.resolve(t.name()).toString());
        }
        return snapshot;
    }

    private static Object convert(Object value, io.encours.contract.ColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DATE -> java.sql.Date.valueOf((LocalDate) value);
            case AMOUNT, RATE -> (value instanceof BigDecimal b ? b : new BigDecimal(value.toString()))
                    .setScale(type.scale());
            default -> value;
        };
    }
}
