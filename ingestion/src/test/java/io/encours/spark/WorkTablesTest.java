package io.encours.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkTablesTest {
    private static final StructType SCHEMA = new StructType()
            .add("invoice_id", DataTypes.StringType, false)
            .add("issue_date", DataTypes.DateType, true)
            .add("amount_eur", DataTypes.createDecimalType(18, 2), true);

    @TempDir
    Path dir;

    @Test
    void keptRowsReadBackEqualAsAFileScanAndTheFolderIsDeletedOnClose() {
        SparkSession spark = TestSpark.get();
        Dataset<Row> rows = spark.createDataFrame(List.of(
                RowFactory.create("A", Date.valueOf("2025-01-10"), new BigDecimal("1000.10")),
                RowFactory.create("B", null, new BigDecimal("-0.01"))), SCHEMA);
        Path folder = dir.resolve("run/_work");
        try (WorkTables work = new WorkTables(spark, new org.apache.hadoop.fs.Path(folder.toUri()))) {
            Dataset<Row> kept = work.keep("invoices (classified)", rows);

            assertThat(kept.orderBy("invoice_id").collectAsList()).containsExactly(
                    RowFactory.create("A", Date.valueOf("2025-01-10"), new BigDecimal("1000.10")),
                    RowFactory.create("B", null, new BigDecimal("-0.01")));
            assertThat(kept.schema().apply("amount_eur").dataType()).isEqualTo(DataTypes.createDecimalType(18, 2));
            // The point of it: what is built on a kept table plans from a file, not from its lineage.
            assertThat(kept.queryExecution().analyzed().toString()).contains("parquet").doesNotContain("LocalRelation");
            assertThat(folder.resolve("001-invoices__classified_")).isDirectory();

            Dataset<Row> empty = work.keep("nothing", rows.filter("invoice_id = 'none'"));
            assertThat(empty.count()).isZero();
            assertThat(empty.schema().fieldNames()).containsExactly("invoice_id", "issue_date", "amount_eur");
        }
        assertThat(Files.exists(folder)).isFalse();
    }
}
