package io.encours.ingestion.rules;

import static io.encours.contract.RejectReason.BAD_AMOUNT;
import static io.encours.contract.RejectReason.BAD_DATE_ORDER;
import static io.encours.contract.RejectReason.BAD_ENUM;
import static io.encours.contract.RejectReason.FUTURE_DATE;
import static io.encours.contract.RejectReason.MISSING_REQUIRED;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.encours.contract.Column;
import io.encours.contract.ColumnType;
import io.encours.contract.Contract;
import io.encours.contract.RejectReason;
import io.encours.contract.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a row breaks on its own (no other row needed), as one Spark expression that
 * yields the first broken rule's reason code in the contract's order, or null.
 */
public final class RowRules {
    /** Enum columns per table (optional ones are checked only when given). */
    private static final Map<String, Map<String, Set<String>>> ENUMS = Map.of(
            "debtors", Map.of("segment", Contract.SEGMENTS, "sector", Contract.SECTORS),
            "invoices", Map.of("document_type", Contract.DOCUMENT_TYPES),
            "payments", Map.of("method", Contract.PAYMENT_METHODS),
            "dunning_actions", Map.of("channel", Contract.CHANNELS),
            "disputes", Map.of("category", Contract.DISPUTE_CATEGORIES));

    /** Columns that must be ≤ T. */
    private static final Map<String, List<String>> NOT_AFTER_SNAPSHOT = Map.of(
            "invoices", List.of("issue_date"),
            "payments", List.of("payment_date"),
            "dunning_actions", List.of("action_date"),
            "payment_promises", List.of("created_date"),
            "disputes", List.of("opened_date"));

    private RowRules() {
    }

    /** The reason code of the first row rule broken, or null: a string column. */
    public static org.apache.spark.sql.Column firstBroken(Table table, LocalDate snapshotDate) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(MISSING_REQUIRED, missingRequired(table)));
        rules.add(new Rule(BAD_ENUM, badEnum(table)));
        rules.add(new Rule(BAD_AMOUNT, badAmount(table)));
        rules.add(new Rule(BAD_DATE_ORDER, badDateOrder(table)));
        rules.add(new Rule(FUTURE_DATE, futureDate(table, snapshotDate)));
        org.apache.spark.sql.Column reason = lit(null).cast("string");
        // Built from the last rule to the first so that the first rule broken wins.
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            reason = when(rule.broken(), lit(rule.reason().name())).otherwise(reason);
        }
        return reason;
    }

    private record Rule(RejectReason reason, org.apache.spark.sql.Column broken) {
    }

    private static org.apache.spark.sql.Column missingRequired(Table table) {
        org.apache.spark.sql.Column any = lit(false);
        for (Column c : table.columns()) {
            if (!c.required()) {
                continue;
            }
            org.apache.spark.sql.Column missing = col(c.name()).isNull();
            if (c.type() == ColumnType.STRING) {
                missing = missing.or(trim(col(c.name())).equalTo(""));
            }
            any = any.or(missing);
        }
        return any;
    }

    private static org.apache.spark.sql.Column badEnum(Table table) {
        org.apache.spark.sql.Column any = lit(false);
        for (Map.Entry<String, Set<String>> e : ENUMS.getOrDefault(table.name(), Map.of()).entrySet()) {
            org.apache.spark.sql.Column value = col(e.getKey());
            any = any.or(value.isNotNull().and(value.isin(e.getValue().toArray()).unary_$bang()));
        }
        return any;
    }

    private static org.apache.spark.sql.Column badAmount(Table table) {
        return switch (table.name()) {
            case "invoices" -> col("document_type").equalTo("INVOICE").and(col("amount").leq(0))
                    .or(col("document_type").equalTo("CREDIT_NOTE").and(col("amount").geq(0)));
            case "payments" -> col("amount").leq(0);
            case "fx_rates" -> col("eur_per_unit").leq(0);
            case "debtors" -> col("credit_score").lt(0).or(col("credit_score").gt(100));
            case "payment_promises" -> col("promised_amount").leq(0);
            default -> lit(false);
        };
    }

    private static org.apache.spark.sql.Column badDateOrder(Table table) {
        return switch (table.name()) {
            case "invoices" -> col("due_date").lt(col("issue_date"));
            case "disputes" -> col("resolved_date").lt(col("opened_date"));
            case "payment_promises" -> col("promised_date").lt(col("created_date"));
            default -> lit(false);
        };
    }

    private static org.apache.spark.sql.Column futureDate(Table table, LocalDate snapshotDate) {
        org.apache.spark.sql.Column any = lit(false);
        for (String column : NOT_AFTER_SNAPSHOT.getOrDefault(table.name(), List.of())) {
            any = any.or(col(column).gt(lit(java.sql.Date.valueOf(snapshotDate))));
        }
        return any;
    }
}
