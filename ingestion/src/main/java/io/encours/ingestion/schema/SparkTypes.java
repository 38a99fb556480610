package io.encours.ingestion.schema;

import io.encours.contract.Column;
import io.encours.contract.ColumnType;
import io.encours.contract.Table;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark types of the contract's columns. */
public final class SparkTypes {
    /** Type of exact EUR amounts: DECIMAL(18,2) × DECIMAL(18,8) without rounding. */
    public static final DataType EUR = DataTypes.createDecimalType(38, 10);

    private SparkTypes() {
    }

    public static DataType of(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case INT32 -> DataTypes.IntegerType;
            case BOOLEAN -> DataTypes.BooleanType;
            case AMOUNT, RATE -> DataTypes.createDecimalType(type.precision(), type.scale());
        };
    }

    public static StructType schemaOf(Table table) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            fields.add(DataTypes.createStructField(c.name(), of(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }
}
