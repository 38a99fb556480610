package io.encours.ingestion.schema;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_date;

import io.encours.contract.Column;
import io.encours.contract.ColumnType;
import io.encours.contract.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;

/**
 * Checks a raw table against the contract and casts it to the contract's types.
 *
 * <p>Tolerates what real extracts do when no value can change: INT64 where INT32 is declared
 * (values checked to fit), a DECIMAL of another precision or scale (values checked to be
 * representable exactly), an integer where a DECIMAL is declared, a TIMESTAMP at midnight
 * where a DATE is declared. Anything else fails the run with the table, column and types.
 */
public final class SchemaConformer {
    /** Prefix of the extract's extra columns while they travel with a row (for its reject). */
    public static final String EXTRA_PREFIX = "_extra_";

    private SchemaConformer() {
    }

    public static ConformedTable conform(Table table, Dataset<Row> raw) {
        Map<String, StructField> found = Arrays.stream(raw.schema().fields())
                .collect(Collectors.toMap(StructField::name, Function.identity(), (a, b) -> a));
        List<org.apache.spark.sql.Column> select = new ArrayList<>();
        List<String> tolerated = new ArrayList<>();
        List<String> lossChecks = new ArrayList<>();
        List<org.apache.spark.sql.Column> lossConditions = new ArrayList<>();
        for (Column column : table.columns()) {
            StructField field = found.get(column.name());
            DataType expected = SparkTypes.of(column.type());
            if (field == null) {
                if (column.required()) {
                    throw new SchemaException("table " + table.name() + ": required column "
                            + column.name() + " (" + column.type().contractName() + ") is missing");
                }
                select.add(lit(null).cast(expected).as(column.name()));
                continue;
            }
            DataType actual = field.dataType();
            org.apache.spark.sql.Column source = col(quote(column.name()));
            if (actual.equals(expected)) {
                select.add(source);
                continue;
            }
            Variant variant = variant(table, column, actual, source);
            if (variant.lossCondition != null) {
                lossChecks.add(column.name() + " (" + describe(actual) + ")");
                lossConditions.add(variant.lossCondition);
            }
            tolerated.add(column.name() + ": " + describe(actual) + " read as "
                    + column.type().contractName());
            select.add(variant.converted.as(column.name()));
        }
        checkNoLoss(table, raw, lossChecks, lossConditions);
        List<String> contractNames = table.columnNames();
        List<String> extras = Arrays.stream(raw.schema().fieldNames())
                .filter(name -> !contractNames.contains(name))
                .toList();
        for (String extra : extras) {
            // Renamed so that an extra column can never collide with a column the job adds.
            select.add(col(quote(extra)).as(EXTRA_PREFIX + extra));
        }
        Dataset<Row> conformed = raw.select(select.toArray(org.apache.spark.sql.Column[]::new));
        return new ConformedTable(table, conformed, extras, tolerated);
    }

    /** How a tolerated type is converted, and the condition under which a value would change. */
    private record Variant(org.apache.spark.sql.Column converted,
            org.apache.spark.sql.Column lossCondition) {
    }

    private static Variant variant(Table table, Column column, DataType actual,
            org.apache.spark.sql.Column source) {
        DataType expected = SparkTypes.of(column.type());
        ColumnType type = column.type();
        if (type == ColumnType.INT32 && (actual instanceof ShortType || actual instanceof ByteType)) {
            return new Variant(source.cast(expected), null);
        }
        if (type == ColumnType.INT32 && actual instanceof LongType) {
            return new Variant(source.cast(expected),
                    source.gt(lit(Integer.MAX_VALUE)).or(source.lt(lit(Integer.MIN_VALUE))));
        }
        if (type == ColumnType.DATE && (actual.equals(DataTypes.TimestampType)
                || actual.equals(DataTypes.TimestampNTZType))) {
            return new Variant(to_date(source),
                    source.notEqual(to_date(source).cast(actual)));
        }
        if ((type == ColumnType.AMOUNT || type == ColumnType.RATE) && isIntegral(actual)) {
            BigDecimal limit = BigDecimal.TEN.pow(type.precision() - type.scale());
            org.apache.spark.sql.Column wide = source.cast(DataTypes.createDecimalType(38, 0));
            return new Variant(source.cast(expected), abs(wide).geq(lit(limit)));
        }
        if ((type == ColumnType.AMOUNT || type == ColumnType.RATE) && actual instanceof DecimalType d) {
            int intDigits = type.precision() - type.scale();
            boolean fitsAlways = d.scale() <= type.scale() && d.precision() - d.scale() <= intDigits;
            if (fitsAlways) {
                return new Variant(source.cast(expected), null);
            }
            BigDecimal limit = BigDecimal.TEN.pow(intDigits);
            org.apache.spark.sql.Column tooLarge = abs(source).geq(lit(limit));
            org.apache.spark.sql.Column tooPrecise = d.scale() > type.scale()
                    ? source.notEqual(round(source, type.scale()))
                    : lit(false);
            return new Variant(source.cast(expected), tooLarge.or(tooPrecise));
        }
        throw new SchemaException("table " + table.name() + ", column " + column.name()
                + ": expected " + type.contractName() + ", found " + describe(actual)
                + ", which cannot be read losslessly as " + type.contractName());
    }

    private static void checkNoLoss(Table table, Dataset<Row> raw, List<String> names,
            List<org.apache.spark.sql.Column> conditions) {
        for (int i = 0; i < names.size(); i++) {
            long lossy = raw.filter(conditions.get(i)).count();
            if (lossy > 0) {
                throw new SchemaException("table " + table.name() + ", column " + names.get(i)
                        + ": " + lossy + " value(s) cannot be read losslessly as "
                        + table.column(names.get(i).split(" ")[0]).orElseThrow().type().contractName());
            }
        }
    }

    private static boolean isIntegral(DataType type) {
        return type instanceof IntegerType || type instanceof LongType || type instanceof ShortType
                || type instanceof ByteType;
    }

    private static String describe(DataType type) {
        if (type instanceof DecimalType d) {
            return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
        }
        if (type instanceof LongType) {
            return "INT64";
        }
        if (type instanceof IntegerType) {
            return "INT32";
        }
        return type.typeName().toUpperCase(Locale.ROOT);
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
