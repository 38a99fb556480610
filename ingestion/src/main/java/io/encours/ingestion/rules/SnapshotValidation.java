package io.encours.ingestion.rules;

import static io.encours.contract.RejectReason.DUPLICATE_ID;
import static io.encours.contract.RejectReason.MISSING_FX_RATE;
import static io.encours.ingestion.rules.ClassifiedTable.COPIES;
import static io.encours.ingestion.rules.References.PARENT_PREFIX;
import static io.encours.ingestion.rules.References.REASON;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import io.encours.ingestion.rules.References.Reference;
import io.encours.ingestion.schema.ConformedTable;
import io.encours.ingestion.schema.SchemaConformer;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The contract's bad-input rules as pure Dataset transforms (no I/O). Per table, in the
 * contract's order: collapse exact duplicates → row rules → DUPLICATE_ID → references → FX.
 * Tables are classified parents first so that a child sees its parents' final status.
 */
public final class SnapshotValidation {
    /** Most repeated keys of one table that are broadcast (a few tens of MB at most). */
    static final long BROADCAST_KEYS = 1_000_000;
    private static final String REPEATED_PREFIX = "_repeated_";
    private final LocalDate snapshotDate;
    private final Map<String, ClassifiedTable> classified = new LinkedHashMap<>();
    private final Map<String, ConformedTable> input;
    private final UnaryOperator<Dataset<Row>> persist;

    private SnapshotValidation(Map<String, ConformedTable> input, LocalDate snapshotDate,
            UnaryOperator<Dataset<Row>> persist) {
        this.input = input;
        this.snapshotDate = snapshotDate;
        this.persist = persist;
    }

    /**
     * Classifies every table. {@code persist} is applied to each classified table before its
     * children use it, and to the few repeated keys of each table (the job caches).
     */
    public static Map<String, ClassifiedTable> classify(Map<String, ConformedTable> tables,
            LocalDate snapshotDate, UnaryOperator<Dataset<Row>> persist) {
        SnapshotValidation v = new SnapshotValidation(tables, snapshotDate, persist);
        v.run();
        return v.classified;
    }

    private void run() {
        for (Table t : List.of(Contract.ENTITIES, Contract.COLLECTORS, Contract.SCENARIOS,
                Contract.FX_RATES)) {
            put(t, persist.apply(base(t)), List.of());
        }
        Dataset<Row> debtors = References.check(base(Contract.DEBTORS), List.of(
                new Reference("entity_id", status("entities", "entity_id"), true),
                new Reference("collector_id", status("collectors", "collector_id"), true),
                new Reference("scenario_id", status("scenarios", "scenario_id"), true)));
        put(Contract.DEBTORS, persist.apply(debtors), List.of());

        Dataset<Row> calendar = broadcast(FxCalendar.build(
                classified.get("fx_rates").accepted(), snapshotDate));
        Dataset<Row> debtorStatus = smallWhenFew(status("debtors", "debtor_id"));
        put(Contract.INVOICES, persist.apply(invoices(calendar, debtorStatus)), List.of("fx_rate", "amount_eur"));
        put(Contract.PAYMENTS, persist.apply(payments()), List.of("debtor_id", "amount_eur"));

        // Read by three child tables: aggregated (and partitioned by id) once.
        Dataset<Row> anyDocument = persist.apply(status("invoices", "invoice_id"));
        Dataset<Row> collectorStatus = status("collectors", "collector_id");
        Dataset<Row> actions = References.check(base(Contract.DUNNING_ACTIONS), List.of(
                new Reference("debtor_id", debtorStatus, false),
                new Reference("invoice_id", anyDocument, false),
                new Reference("scenario_id", status("scenarios", "scenario_id"), true),
                new Reference("collector_id", collectorStatus, true)));
        put(Contract.DUNNING_ACTIONS, persist.apply(actions), List.of());

        Dataset<Row> promises = References.check(base(Contract.PAYMENT_PROMISES), List.of(
                new Reference("debtor_id", debtorStatus, false),
                new Reference("invoice_id", anyDocument, false),
                new Reference("collector_id", collectorStatus, true)));
        promises = withFx(promises, "created_date", calendar)
                .withColumn("promised_amount_eur", eur(col("promised_amount"), col("fx_rate")));
        put(Contract.PAYMENT_PROMISES, persist.apply(promises),
                List.of("fx_rate", "promised_amount_eur"));

        Dataset<Row> disputes = References.check(base(Contract.DISPUTES), List.of(
                new Reference("invoice_id", anyDocument, false)));
        put(Contract.DISPUTES, persist.apply(disputes), List.of());
    }

    private void put(Table table, Dataset<Row> rows, List<String> added) {
        classified.put(table.name(), new ClassifiedTable(table, rows,
                input.get(table.name()).extraColumns(), added));
    }

    private Dataset<Row> status(String table, String idColumn) {
        return References.status(classified.get(table).rows(), idColumn);
    }

    /**
     * Collapses exact duplicates, then applies the row rules and DUPLICATE_ID.
     *
     * <p>Ids that occur once are the norm: only the rows whose key occurs several times (found
     * by counting keys, a shuffle of the key alone) go through the collapse of identical rows
     * and the per-key count of distinct versions. The other rows are never shuffled: the rare
     * repeated keys are broadcast to split the table, unless there are too many of them.
     */
    Dataset<Row> base(Table table) {
        ConformedTable conformed = input.get(table.name());
        List<String> keyNames = table.key();
        Column[] key = keyNames.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> rows = conformed.rows();

        Dataset<Row> repeatedKeys = smallWhenFew(rows.groupBy(key).agg(count(lit(1)).as("_key_rows"))
                .filter(col("_key_rows").gt(1))
                .select(keyNames.stream().map(k -> col(k).as(REPEATED_PREFIX + k)).toArray(Column[]::new)));
        Column sameKey = null;
        for (String k : keyNames) {
            Column same = col(k).eqNullSafe(col(REPEATED_PREFIX + k));
            sameKey = sameKey == null ? same : sameKey.and(same);
        }

        List<Column> singleColumns = new ArrayList<>();
        table.columnNames().forEach(c -> singleColumns.add(col(c)));
        singleColumns.add(lit(1L).as(COPIES));
        conformed.extraColumns().forEach(e -> singleColumns.add(col(SchemaConformer.EXTRA_PREFIX + e)));
        Dataset<Row> single = rows.join(repeatedKeys, sameKey, "left_anti")
                .select(singleColumns.toArray(Column[]::new))
                .withColumn(REASON, RowRules.firstBroken(table, snapshotDate));

        Column[] contractColumns = table.columnNames().stream()
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        List<Column> aggregates = new ArrayList<>();
        for (String extra : conformed.extraColumns()) {
            String name = SchemaConformer.EXTRA_PREFIX + extra;
            aggregates.add(first(col(name)).as(name));
        }
        Dataset<Row> collapsed = rows.join(repeatedKeys, sameKey, "left_semi")
                .groupBy(contractColumns)
                .agg(count(lit(1)).as(COPIES), aggregates.toArray(Column[]::new));
        Column keyGiven = lit(true);
        for (Column k : key) {
            keyGiven = keyGiven.and(k.isNotNull());
        }
        Column copiesOfId = when(keyGiven, count(lit(1)).over(Window.partitionBy(key)));
        // A broken rule wins over the duplicate id; the rules are evaluated once.
        Column reason = coalesce(RowRules.firstBroken(table, snapshotDate),
                when(copiesOfId.gt(1), lit(DUPLICATE_ID.name())));
        return single.unionByName(collapsed.withColumn(REASON, reason));
    }

    /**
     * Broadcast when at most {@link #BROADCAST_KEYS} rows: the repeated keys of a table (so the
     * unique rows skip the shuffle) and the debtors' status (so the large child tables are not
     * shuffled by debtor). Counting is one small job on a persisted result. Beyond the limit,
     * a shuffle join instead of a broadcast the heap cannot hold.
     */
    private Dataset<Row> smallWhenFew(Dataset<Row> keys) {
        Dataset<Row> kept = persist.apply(keys);
        return kept.count() <= BROADCAST_KEYS ? broadcast(kept) : kept;
    }

    /**
     * Invoices and credit notes. Documents that credit no invoice are checked against their
     * debtor and converted at their own rate; credit notes that credit an invoice are checked
     * against their debtor and that invoice (which must be an accepted INVOICE) and take its
     * rate, carried by the invoices' status (one join).
     */
    private Dataset<Row> invoices(Dataset<Row> calendar, Dataset<Row> debtorStatus) {
        Dataset<Row> base = base(Contract.INVOICES);
        Column linked = col("document_type").equalTo("CREDIT_NOTE")
                .and(col("credited_invoice_id").isNotNull());
        Dataset<Row> standalone = References.check(
                base.filter(linked.isNull().or(linked.unary_$bang())),
                List.of(new Reference("debtor_id", debtorStatus, false)));
        standalone = withFx(standalone, "issue_date", calendar);

        Dataset<Row> invoiceStatus = References.status(
                standalone.filter(col("document_type").equalTo("INVOICE")), "invoice_id", "fx_rate");
        Dataset<Row> creditNotes = References.check(base.filter(linked), List.of(
                        new Reference("debtor_id", debtorStatus, false),
                        new Reference("credited_invoice_id", invoiceStatus, false)))
                .withColumn("fx_rate", when(col(REASON).isNull(), col(PARENT_PREFIX + "fx_rate")))
                .drop(PARENT_PREFIX + "fx_rate");
        return standalone.unionByName(creditNotes)
                .withColumn("amount_eur", eur(col("amount"), col("fx_rate")));
    }

    /**
     * Payments must point to an accepted INVOICE; they take its debtor and its rate, carried by
     * the invoices' status (one join).
     */
    private Dataset<Row> payments() {
        Dataset<Row> invoiceStatus = References.status(classified.get("invoices").rows()
                .filter(col("document_type").equalTo("INVOICE")), "invoice_id", "debtor_id", "fx_rate");
        return References.check(base(Contract.PAYMENTS), List.of(
                        new Reference("invoice_id", invoiceStatus, false)))
                .withColumn("debtor_id", when(col(REASON).isNull(), col(PARENT_PREFIX + "debtor_id")))
                .withColumn("amount_eur", eur(col("amount"), col(PARENT_PREFIX + "fx_rate")))
                .drop(PARENT_PREFIX + "debtor_id", PARENT_PREFIX + "fx_rate");
    }

    /**
     * Sets {@code fx_rate}: 1 for EUR, else the rate in force on {@code dateColumn}; a row still
     * accepted without one gets MISSING_FX_RATE.
     */
    private static Dataset<Row> withFx(Dataset<Row> rows, String dateColumn, Dataset<Row> calendar) {
        Column eur = col("currency").equalTo(Contract.REPORTING_CURRENCY);
        Dataset<Row> joined = rows.join(calendar, col("currency").equalTo(col("fx_currency"))
                .and(col(dateColumn).equalTo(col("fx_date"))), "left");
        Column rate = when(eur, lit(BigDecimal.ONE).cast(SparkTypes.of(
                io.encours.contract.ColumnType.RATE))).otherwise(col("fx_rate"));
        return joined
                .withColumn("_rate", rate)
                .withColumn(REASON, when(col(REASON).isNull().and(col("_rate").isNull()),
                        lit(MISSING_FX_RATE.name())).otherwise(col(REASON)))
                .drop("fx_currency", "fx_date", "fx_rate")
                .withColumn("fx_rate", when(col(REASON).isNull(), col("_rate")))
                .drop("_rate");
    }

    private static Column eur(Column amount, Column rate) {
        return amount.multiply(rate).cast(SparkTypes.EUR);
    }

}
