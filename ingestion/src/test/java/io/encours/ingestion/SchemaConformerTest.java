package io.encours.ingestion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.contract.Contract;
import io.encours.ingestion.schema.ConformedTable;
import io.encours.ingestion.schema.SchemaConformer;
import io.encours.ingestion.schema.SchemaException;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** What the schema check tolerates and what it refuses, with the message it gives. */
class SchemaConformerTest {
    private final SparkSession spark = TestSpark.get();

    private Dataset<Row> invoices() {
        return new SnapshotFixture()
                .add("invoices", "I1", "D1", "INVOICE", null, SnapshotFixture.d("2025-01-10"),
                        SnapshotFixture.d("2025-02-09"), new BigDecimal("100.50"), "EUR", null)
                .dataset(spark, "invoices");
    }

    private Dataset<Row> debtors() {
        return SnapshotFixture.minimal().dataset(spark, "debtors");
    }

    @Test
    void aMissingRequiredColumnFailsNamingTableAndColumn() {
        assertThatThrownBy(() -> SchemaConformer.conform(Contract.INVOICES, invoices().drop("due_date")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("table invoices: required column due_date (DATE) is missing");
    }

    @Test
    void aMissingOptionalColumnIsReadAsNullAndExtrasAreListed() {
        ConformedTable t = SchemaConformer.conform(Contract.INVOICES,
                invoices().drop("written_off_date").withColumn("erp", lit("x")));
        assertThat(t.rows().schema().fieldNames()).containsExactly("invoice_id", "debtor_id",
                "document_type", "credited_invoice_id", "issue_date", "due_date", "amount", "currency",
                "written_off_date", "_extra_erp");
        assertThat(t.rows().first().isNullAt(8)).isTrue();
        assertThat(t.extraColumns()).containsExactly("erp");
    }

    @Test
    void aTypeThatLosesDataIsRefused() {
        assertThatThrownBy(() -> SchemaConformer.conform(Contract.INVOICES,
                invoices().withColumn("amount", col("amount").cast("double"))))
                .isInstanceOf(SchemaException.class)
                .hasMessage("table invoices, column amount: expected DECIMAL(18,2), found DOUBLE, which "
                        + "cannot be read losslessly as DECIMAL(18,2)");
        assertThatThrownBy(() -> SchemaConformer.conform(Contract.INVOICES,
                invoices().withColumn("issue_date", col("issue_date").cast("string"))))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("column issue_date: expected DATE, found STRING");
    }

    @Test
    void int64ScoresAreToleratedWhenTheyFit() {
        ConformedTable t = SchemaConformer.conform(Contract.DEBTORS,
                debtors().withColumn("credit_score", lit(55L)));
        assertThat(t.rows().first().getInt(8)).isEqualTo(55);
        assertThat(t.toleratedVariants()).containsExactly("credit_score: INT64 read as INT32");
        assertThatThrownBy(() -> SchemaConformer.conform(Contract.DEBTORS,
                debtors().withColumn("credit_score", lit(3_000_000_000L))))
                .isInstanceOf(SchemaException.class)
                .hasMessage("table debtors, column credit_score (INT64): 1 value(s) cannot be read "
                        + "losslessly as INT32");
    }

    @Test
    void decimalsOfAnotherScaleAreToleratedOnlyWhenExact() {
        ConformedTable wider = SchemaConformer.conform(Contract.INVOICES,
                invoices().withColumn("amount", col("amount").cast(DataTypes.createDecimalType(20, 4))));
        assertThat(wider.rows().first().getDecimal(6)).isEqualByComparingTo("100.50");
        assertThat(wider.rows().schema().apply("amount").dataType())
                .isEqualTo(DataTypes.createDecimalType(18, 2));
        ConformedTable narrower = SchemaConformer.conform(Contract.INVOICES,
                invoices().withColumn("amount", col("amount").cast(DataTypes.createDecimalType(10, 1))));
        assertThat(narrower.rows().first().getDecimal(6)).isEqualByComparingTo("100.5");
        assertThatThrownBy(() -> SchemaConformer.conform(Contract.INVOICES,
                invoices().withColumn("amount", lit(new BigDecimal("100.505")))))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("column amount (DECIMAL(6,3)): 1 value(s) cannot be read losslessly");
    }

    @Test
    void timestampsAtMidnightAreReadAsDates() {
        ConformedTable t = SchemaConformer.conform(Contract.INVOICES,
                invoices().withColumn("issue_date", to_timestamp(lit("2025-01-10 00:00:00"))));
        assertThat(t.rows().first().getDate(4)).isEqualTo(java.sql.Date.valueOf("2025-01-10"));
        assertThatThrownBy(() -> SchemaConformer.conform(Contract.INVOICES,
                invoices().withColumn("issue_date", to_timestamp(lit("2025-01-10 13:30:00")))))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("column issue_date (TIMESTAMP): 1 value(s) cannot be read losslessly as DATE");
    }
}
