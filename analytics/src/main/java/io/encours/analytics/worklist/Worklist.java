package io.encours.analytics.worklist;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.promises.Promises;
import io.encours.ingestion.schema.SparkTypes;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The collector worklist as of T (METRICS.md "Collector worklist"): per collector, the debtors of
 * its portfolio with actionable invoices, ranked by priority, with the reasons of their rank and
 * a suggested next action; insolvent debtors go to a separate legal list.
 *
 * <p>Suggested action, first rule that applies:
 * <ol>
 * <li>{@code WAIT_FOR_PROMISE} — the debtor has an OPEN promise: follow it up after its
 * promised date, do not chase before;</li>
 * <li>{@code FORMAL_NOTICE} — max_days_overdue &gt; 60 and a recent broken promise (BROKEN,
 * promised_date in [T − 30, T], the same notion as the ×1.5 factor);</li>
 * <li>{@code CALL} — max_days_overdue &gt; 30, or a recent broken promise;</li>
 * <li>{@code EMAIL} — otherwise.</li>
 * </ol>
 */
public final class Worklist {
    public static final String WAIT_FOR_PROMISE = "WAIT_FOR_PROMISE";
    public static final String FORMAL_NOTICE = "FORMAL_NOTICE";
    public static final String CALL = "CALL";
    public static final String EMAIL = "EMAIL";
    /** Days back from T in which a broken promise raises the priority (METRICS.md: 30). */
    static final int RECENT_BROKEN_DAYS = 30;
    static final int FORMAL_NOTICE_DAYS = 60;
    static final int CALL_DAYS = 30;

    private Worklist() {
    }

    /**
     * Per debtor of a collector's portfolio with at least one actionable invoice at T: the
     * figures of both lists, and whether it is insolvent. Actionable = INVOICE, remaining(T) &gt; 0,
     * due_date &lt; T, not in dispute at T, not written off at T. Columns: {@code collector_id,
     * debtor_id, debtor_name, entity_id, segment, insolvent, credit_score, overdue_amount_eur,
     * max_days_overdue, invoice_count, invoices} (array of {@code invoice_id, due_date,
     * days_overdue, remaining_eur, in_dispute}, oldest due first).
     *
     * @param openBalances {@link io.encours.analytics.balances.Documents#openBalances} holding T
     *     (other as_of dates are ignored)
     */
    public static Dataset<Row> actionableDebtors(Dataset<Row> openBalances, Dataset<Row> debtors, LocalDate snapshotDate) {
        Column t = lit(java.sql.Date.valueOf(snapshotDate));
        Dataset<Row> actionable = openBalances
                .filter(col("as_of").equalTo(t)
                        .and(col("collector_id").isNotNull())
                        .and(col("document_type").equalTo("INVOICE"))
                        .and(col("remaining_eur").gt(0))
                        .and(col("due_date").lt(t))
                        .and(col("in_dispute").unary_$bang())
                        .and(col("written_off_date").isNull().or(col("written_off_date").gt(t))));
        Column invoice = struct(col("due_date"), col("invoice_id"), col("days_past_due").as("days_overdue"),
                col("remaining_eur"), col("in_dispute"));
        Dataset<Row> perDebtor = actionable
                .groupBy(col("collector_id"), col("debtor_id").as("a_debtor_id"))
                .agg(sum("remaining_eur").cast(SparkTypes.EUR).as("overdue_amount_eur"),
                        max("days_past_due").as("max_days_overdue"),
                        count(lit(1)).as("invoice_count"),
                        sort_array(collect_list(invoice)).as("sorted_invoices"));
        Dataset<Row> debtorInfo = debtors.select(col("debtor_id"), col("name").as("debtor_name"), col("entity_id"),
                col("segment"), col("credit_score"), coalesce(col("insolvency"), lit(false)).as("insolvent"));
        return perDebtor.join(debtorInfo, col("a_debtor_id").equalTo(col("debtor_id")))
                .select(col("collector_id"), col("debtor_id"), col("debtor_name"), col("entity_id"),
                        col("segment"), col("insolvent"), col("credit_score"), col("overdue_amount_eur"),
                        col("max_days_overdue"), col("invoice_count"),
                        transform(col("sorted_invoices"), x -> struct(x.getField("invoice_id").as("invoice_id"),
                                x.getField("due_date").as("due_date"), x.getField("days_overdue").as("days_overdue"),
                                x.getField("remaining_eur").as("remaining_eur"),
                                x.getField("in_dispute").as("in_dispute"))).as("invoices"));
    }

    /**
     * The ranked worklists. Columns: {@code collector_id, rank} (1 = first, per collector),
     * {@code debtor_id, debtor_name, entity_id, segment, overdue_amount_eur, max_days_overdue,
     * invoice_count, credit_score, risk_factor, promise_factor, priority, reasons,
     * suggested_action, invoices}. Ranked by the exact priority descending, then debtor_id.
     *
     * <p>priority = overdue × (1 + days / 30) × risk × promise is computed exactly as
     * overdue × (30 + days) × (100 × risk) × (10 × promise) / 30 000: the numerator is an exact
     * decimal (the ranking key), so equal priorities tie exactly and go to debtor_id.
     */
    public static Dataset<Row> worklist(Dataset<Row> actionableDebtors, Dataset<Row> promiseStatus,
            LocalDate snapshotDate) {
        Column t = lit(java.sql.Date.valueOf(snapshotDate));
        Column recentBroken = col("status").equalTo(Promises.BROKEN)
                .and(col("promised_date").geq(date_sub(t, RECENT_BROKEN_DAYS)))
                .and(col("promised_date").leq(t));
        Dataset<Row> promiseFlags = promiseStatus.groupBy(col("debtor_id").as("p_debtor_id"))
                .agg(min(when(col("status").equalTo(Promises.OPEN), col("promised_date"))).as("open_promised_date"),
                        max(when(recentBroken, col("promised_date"))).as("broken_promised_date"));

        // Exact integer factors: risk × 100 = 200 − score (150 without score), promise × 10 = 2, 15, 10.
        Column riskCents = when(col("credit_score").isNull(), lit(150))
                .otherwise(lit(200).minus(col("credit_score")));
        Column promiseTenths = when(col("open_promised_date").isNotNull(), lit(2))
                .when(col("broken_promised_date").isNotNull(), lit(15))
                .otherwise(lit(10));
        Column factors = lit(30).plus(col("max_days_overdue")).cast(DataTypes.LongType)
                .multiply(col("risk_cents")).multiply(col("promise_tenths"))
                .cast(DataTypes.createDecimalType(10, 0));
        // DECIMAL(27,10) × DECIMAL(10,0) = DECIMAL(38,10): exact for overdue amounts below 10^17 €.
        Column priorityKey = col("overdue_amount_eur").cast(DataTypes.createDecimalType(27, 10)).multiply(factors);

        Column overdueReason = concat(col("invoice_count").cast("string"),
                when(col("invoice_count").equalTo(1), lit(" invoice overdue, ")).otherwise(lit(" invoices overdue, oldest ")),
                col("max_days_overdue").cast("string"), lit(" days"));
        Column riskReason = when(col("credit_score").isNull(), lit("no credit score (risk ×1.5)"))
                .otherwise(concat(lit("credit score "), col("credit_score").cast("string"), lit(" (risk ×"),
                        col("risk_factor").cast("string"), lit(")")));
        Column promiseReason = when(col("open_promised_date").isNotNull(),
                        concat(lit("open promise due "), col("open_promised_date").cast("string"), lit(" (×0.2)")))
                .when(col("broken_promised_date").isNotNull(),
                        concat(lit("broken promise of "), col("broken_promised_date").cast("string"), lit(" (×1.5)")));
        Column suggested = when(col("open_promised_date").isNotNull(), lit(WAIT_FOR_PROMISE))
                .when(col("broken_promised_date").isNotNull().and(col("max_days_overdue").gt(FORMAL_NOTICE_DAYS)),
                        lit(FORMAL_NOTICE))
                .when(col("broken_promised_date").isNotNull().or(col("max_days_overdue").gt(CALL_DAYS)), lit(CALL))
                .otherwise(lit(EMAIL));

        return actionableDebtors.filter(col("insolvent").unary_$bang())
                .join(promiseFlags, col("debtor_id").equalTo(col("p_debtor_id")), "left")
                .withColumn("risk_cents", riskCents)
                .withColumn("promise_tenths", promiseTenths)
                .withColumn("risk_factor", col("risk_cents").cast(DataTypes.createDecimalType(3, 0))
                        .divide(100).cast(DataTypes.createDecimalType(3, 2)))
                .withColumn("promise_factor", col("promise_tenths").cast(DataTypes.createDecimalType(2, 0))
                        .divide(10).cast(DataTypes.createDecimalType(2, 1)))
                .withColumn("priority_key", priorityKey)
                .withColumn("rank", row_number().over(Window.partitionBy("collector_id")
                        .orderBy(col("priority_key").desc(), col("debtor_id").asc())))
                .select(col("collector_id"), col("rank"), col("debtor_id"), col("debtor_name"), col("entity_id"),
                        col("segment"), col("overdue_amount_eur"), col("max_days_overdue"), col("invoice_count"),
                        col("credit_score"), col("risk_factor"), col("promise_factor"),
                        col("priority_key").divide(30000).cast(SparkTypes.EUR).as("priority"),
                        array_compact(array(overdueReason, riskReason, promiseReason)).as("reasons"),
                        suggested.as("suggested_action"), col("invoices"))
                .orderBy("collector_id", "rank");
    }

    /**
     * The legal list: insolvent debtors of each collector's portfolio with actionable invoices,
     * ordered by collector_id then debtor_id. Columns: {@code collector_id, debtor_id,
     * debtor_name, entity_id, segment, overdue_amount_eur, max_days_overdue, invoice_count,
     * credit_score, invoices}.
     */
    public static Dataset<Row> legal(Dataset<Row> actionableDebtors) {
        return actionableDebtors.filter(col("insolvent"))
                .select(col("collector_id"), col("debtor_id"), col("debtor_name"), col("entity_id"), col("segment"),
                        col("overdue_amount_eur"), col("max_days_overdue"), col("invoice_count"),
                        col("credit_score"), col("invoices"))
                .orderBy("collector_id", "debtor_id");
    }
}
