package io.encours.contract;

import static io.encours.contract.Column.opt;
import static io.encours.contract.Column.req;
import static io.encours.contract.ColumnType.AMOUNT;
import static io.encours.contract.ColumnType.BOOLEAN;
import static io.encours.contract.ColumnType.DATE;
import static io.encours.contract.ColumnType.INT32;
import static io.encours.contract.ColumnType.RATE;
import static io.encours.contract.ColumnType.STRING;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The input data contract of ../shared/spec/DATA-CONTRACT.md as code: the one place the
 * generator and the ingestion job take table and column definitions from.
 */
public final class Contract {
    /** Prefix of a snapshot folder: {@code snapshot_date=2025-06-30}. */
    public static final String SNAPSHOT_PREFIX = "snapshot_date=";

    public static final Table ENTITIES = new Table("entities", List.of(
            req("entity_id", STRING),
            req("name", STRING),
            opt("country", STRING)), List.of("entity_id"));

    public static final Table DEBTORS = new Table("debtors", List.of(
            req("debtor_id", STRING),
            req("entity_id", STRING),
            req("name", STRING),
            req("segment", STRING),
            opt("sector", STRING),
            opt("country", STRING),
            opt("collector_id", STRING),
            opt("scenario_id", STRING),
            opt("credit_score", INT32),
            opt("credit_limit", AMOUNT),
            opt("insolvency", BOOLEAN)), List.of("debtor_id"));

    public static final Table COLLECTORS = new Table("collectors", List.of(
            req("collector_id", STRING),
            req("name", STRING),
            opt("team", STRING)), List.of("collector_id"));

    public static final Table SCENARIOS = new Table("scenarios", List.of(
            req("scenario_id", STRING),
            req("name", STRING),
            opt("target_segment", STRING)), List.of("scenario_id"));

    public static final Table INVOICES = new Table("invoices", List.of(
            req("invoice_id", STRING),
            req("debtor_id", STRING),
            req("document_type", STRING),
            opt("credited_invoice_id", STRING),
            req("issue_date", DATE),
            req("due_date", DATE),
            req("amount", AMOUNT),
            req("currency", STRING),
            opt("written_off_date", DATE)), List.of("invoice_id"));

    public static final Table PAYMENTS = new Table("payments", List.of(
            req("payment_id", STRING),
            req("invoice_id", STRING),
            req("payment_date", DATE),
            req("amount", AMOUNT),
            opt("method", STRING)), List.of("payment_id"));

    public static final Table DUNNING_ACTIONS = new Table("dunning_actions", List.of(
            req("action_id", STRING),
            req("debtor_id", STRING),
            opt("invoice_id", STRING),
            opt("scenario_id", STRING),
            opt("step", INT32),
            req("channel", STRING),
            req("action_date", DATE),
            opt("collector_id", STRING),
            opt("preventive", BOOLEAN)), List.of("action_id"));

    public static final Table PAYMENT_PROMISES = new Table("payment_promises", List.of(
            req("promise_id", STRING),
            req("debtor_id", STRING),
            opt("invoice_id", STRING),
            opt("collector_id", STRING),
            req("created_date", DATE),
            req("promised_date", DATE),
            req("promised_amount", AMOUNT),
            req("currency", STRING)), List.of("promise_id"));

    public static final Table DISPUTES = new Table("disputes", List.of(
            req("dispute_id", STRING),
            req("invoice_id", STRING),
            req("opened_date", DATE),
            opt("resolved_date", DATE),
            opt("category", STRING)), List.of("dispute_id"));

    public static final Table FX_RATES = new Table("fx_rates", List.of(
            req("currency", STRING),
            req("rate_date", DATE),
            req("eur_per_unit", RATE)), List.of("currency", "rate_date"));

    /** All tables, parents before children. */
    public static final List<Table> TABLES = List.of(
            ENTITIES, COLLECTORS, SCENARIOS, DEBTORS, FX_RATES, INVOICES, PAYMENTS,
            DUNNING_ACTIONS, PAYMENT_PROMISES, DISPUTES);

    public static final Set<String> SEGMENTS = Set.of("KEY_ACCOUNT", "SME", "MICRO", "PUBLIC");
    public static final Set<String> DOCUMENT_TYPES = Set.of("INVOICE", "CREDIT_NOTE");
    public static final Set<String> PAYMENT_METHODS =
            Set.of("TRANSFER", "DIRECT_DEBIT", "CARD", "CHECK", "OTHER");
    public static final Set<String> CHANNELS =
            Set.of("EMAIL", "SMS", "CALL", "LETTER", "REGISTERED_LETTER", "FORMAL_NOTICE");
    public static final Set<String> DISPUTE_CATEGORIES =
            Set.of("PRICE", "QUALITY", "DELIVERY", "BILLING_ERROR", "OTHER");
    /** NAF rev.2 sections A..U. */
    public static final Set<String> SECTORS = Set.of("A", "B", "C", "D", "E", "F", "G", "H", "I",
            "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U");

    /** The reporting currency: needs no rate. */
    public static final String REPORTING_CURRENCY = "EUR";

    private Contract() {
    }

    public static Table table(String name) {
        return TABLES.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no contract table " + name));
    }
}
