package io.encours.samples;

import io.encours.contract.Column;
import io.encours.contract.ColumnType;
import io.encours.contract.Contract;
import io.encours.contract.RejectReason;
import io.encours.contract.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small, independent implementation of DATA-CONTRACT.md's bad-input rules over a written
 * snapshot: collapse exact duplicates, row rules, DUPLICATE_ID, references, FX — one reason per
 * row, the first that applies. Used to prove the clean data breaks no rule and the dirty
 * manifest counts are exactly what a correct ingestion finds.
 */
final class ContractChecker {
    /** Per table: rows read, rejects per reason, exact duplicates collapsed, rows accepted. */
    record Outcome(Map<String, Long> read, Map<String, Map<RejectReason, Long>> rejects,
            Map<String, Long> collapsed, Map<String, Long> accepted) {
        long rejected(String table) {
            return rejects.get(table).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One distinct row (after collapsing) and its fate. */
    private static final class Row {
        final Object[] v;
        RejectReason reason;

        Row(Object[] v) {
            this.v = v;
        }

        boolean accepted() {
            return reason == null;
        }
    }

    private final LocalDate asOf;
    /** Per table: its distinct rows by first column (the id), fates filled as decided. */
    private final Map<String, Map<Object, List<Row>>> byId = new HashMap<>();
    /** Accepted rates per currency, by date. */
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    private ContractChecker(LocalDate asOf) {
        this.asOf = asOf;
    }

    static Outcome check(Path snapshot, LocalDate asOf) throws SQLException {
        return new ContractChecker(asOf).run(snapshot);
    }

    private Outcome run(Path snapshot) throws SQLException {
        Map<String, Long> read = new LinkedHashMap<>();
        Map<String, Map<RejectReason, Long>> rejects = new LinkedHashMap<>();
        Map<String, Long> collapsed = new LinkedHashMap<>();
        Map<String, Long> accepted = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table t : Contract.TABLES) {
                List<Object[]> raw = load(db, snapshot, t);
                // 1. Collapse rows equal on every contract column.
                Map<List<Object>, Object[]> distinct = new LinkedHashMap<>();
                for (Object[] r : raw) {
                    distinct.putIfAbsent(Arrays.asList(r), r);
                }
                List<Row> rows = distinct.values().stream().map(Row::new).toList();
                Map<Object, List<Row>> index = new HashMap<>();
                for (Row r : rows) {
                    if (r.v[0] != null) {
                        index.computeIfAbsent(r.v[0], k -> new ArrayList<>()).add(r);
                    }
                }
                byId.put(t.name(), index);
                // 2. Row rules.
                for (Row r : rows) {
                    r.reason = rowRule(t, r.v);
                }
                // 3. Duplicate ids, over every row with a non-null key.
                duplicateIds(t, rows);
                // 4. References, 5. FX: invoices are two-phase (credit notes refer to invoices).
                if (t == Contract.INVOICES) {
                    for (Row r : rows) {
                        if (r.accepted() && !"CREDIT_NOTE".equals(r.v[2])) {
                            r.reason = referencesAndFx(t, r.v);
                        }
                    }
                    for (Row r : rows) {
                        if (r.accepted() && "CREDIT_NOTE".equals(r.v[2])) {
                            r.reason = referencesAndFx(t, r.v);
                        }
                    }
                } else {
                    for (Row r : rows) {
                        if (r.accepted()) {
                            r.reason = referencesAndFx(t, r.v);
                        }
                    }
                }
                if (t == Contract.FX_RATES) {
                    for (Row r : rows) {
                        if (r.accepted()) {
                            rates.computeIfAbsent((String) r.v[0], k -> new TreeMap<>())
                                    .put((LocalDate) r.v[1], (BigDecimal) r.v[2]);
                        }
                    }
                }
                Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
                long ok = 0;
                for (Row r : rows) {
                    if (r.accepted()) {
                        ok++;
                    } else {
                        byReason.merge(r.reason, 1L, Long::sum);
                    }
                }
                read.put(t.name(), (long) raw.size());
                rejects.put(t.name(), byReason);
                collapsed.put(t.name(), (long) (raw.size() - rows.size()));
                accepted.put(t.name(), ok);
            }
        }
        return new Outcome(read, rejects, collapsed, accepted);
    }

    private static List<Object[]> load(Connection db, Path snapshot, Table t) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        List<Column> cols = t.columns();
        String sql = "SELECT " + String.join(", ", t.columnNames()) + " FROM read_parquet('"
                + snapshot.resolve(t.name()).resolve("*.parquet") + "', hive_partitioning = false)";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Object[] v = new Object[cols.size()];
                for (int i = 0; i < v.length; i++) {
                    ColumnType type = cols.get(i).type();
                    Object o = switch (type) {
                        case AMOUNT, RATE -> rs.getBigDecimal(i + 1);
                        case DATE -> rs.getObject(i + 1, LocalDate.class);
                        default -> rs.getObject(i + 1);
                    };
                    v[i] = rs.wasNull() ? null : o;
                }
                out.add(v);
            }
        }
        return out;
    }

    private static Object get(Table t, Object[] v, String column) {
        return v[t.columnNames().indexOf(column)];
    }

    private RejectReason rowRule(Table t, Object[] v) {
        List<Column> cols = t.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).required()
                    && (v[i] == null || (v[i] instanceof String s && s.isBlank()))) {
                return RejectReason.MISSING_REQUIRED;
            }
        }
        if (badEnum(t, v)) {
            return RejectReason.BAD_ENUM;
        }
        if (badAmount(t, v)) {
            return RejectReason.BAD_AMOUNT;
        }
        if (badDateOrder(t, v)) {
            return RejectReason.BAD_DATE_ORDER;
        }
        if (futureDate(t, v)) {
            return RejectReason.FUTURE_DATE;
        }
        return null;
    }

    private static boolean outside(Object value, Set<String> allowed) {
        return value != null && !allowed.contains((String) value);
    }

    private static boolean badEnum(Table t, Object[] v) {
        return switch (t.name()) {
            case "debtors" -> outside(get(t, v, "segment"), Contract.SEGMENTS)
                    || outside(get(t, v, "sector"), Contract.SECTORS);
            case "invoices" -> outside(get(t, v, "document_type"), Contract.DOCUMENT_TYPES);
            case "payments" -> outside(get(t, v, "method"), Contract.PAYMENT_METHODS);
            case "dunning_actions" -> outside(get(t, v, "channel"), Contract.CHANNELS);
            case "disputes" -> outside(get(t, v, "category"), Contract.DISPUTE_CATEGORIES);
            default -> false;
        };
    }

    private static boolean badAmount(Table t, Object[] v) {
        return switch (t.name()) {
            case "debtors" -> {
                Integer score = (Integer) get(t, v, "credit_score");
                yield score != null && (score < 0 || score > 100);
            }
            case "invoices" -> {
                int sign = ((BigDecimal) get(t, v, "amount")).signum();
                yield "INVOICE".equals(get(t, v, "document_type")) ? sign <= 0 : sign >= 0;
            }
            case "payments" -> ((BigDecimal) get(t, v, "amount")).signum() <= 0;
            case "fx_rates" -> ((BigDecimal) get(t, v, "eur_per_unit")).signum() <= 0;
            case "payment_promises" -> ((BigDecimal) get(t, v, "promised_amount")).signum() <= 0;
            default -> false;
        };
    }

    private static boolean before(Object a, Object b) {
        return a != null && b != null && ((LocalDate) a).isBefore((LocalDate) b);
    }

    private static boolean badDateOrder(Table t, Object[] v) {
        return switch (t.name()) {
            case "invoices" -> before(get(t, v, "due_date"), get(t, v, "issue_date"));
            case "disputes" -> before(get(t, v, "resolved_date"), get(t, v, "opened_date"));
            case "payment_promises" -> before(get(t, v, "promised_date"), get(t, v, "created_date"));
            default -> false;
        };
    }

    private boolean futureDate(Table t, Object[] v) {
        String column = switch (t.name()) {
            case "invoices" -> "issue_date";
            case "payments" -> "payment_date";
            case "dunning_actions" -> "action_date";
            case "payment_promises" -> "created_date";
            case "disputes" -> "opened_date";
            default -> null;
        };
        return column != null && ((LocalDate) get(t, v, column)).isAfter(asOf);
    }

    private static void duplicateIds(Table t, List<Row> rows) {
        int[] key = t.key().stream().mapToInt(k -> t.columnNames().indexOf(k)).toArray();
        Map<List<Object>, List<Row>> byKey = new HashMap<>();
        for (Row r : rows) {
            List<Object> k = new ArrayList<>();
            boolean complete = true;
            for (int i : key) {
                complete &= r.v[i] != null;
                k.add(r.v[i]);
            }
            if (complete) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        for (List<Row> group : byKey.values()) {
            if (group.size() > 1) {
                for (Row r : group) {
                    if (r.reason == null) {
                        r.reason = RejectReason.DUPLICATE_ID;
                    }
                }
            }
        }
    }

    /** UNKNOWN_REFERENCE, PARENT_REJECTED (unknown wins), then MISSING_FX_RATE. */
    private RejectReason referencesAndFx(Table t, Object[] v) {
        List<RejectReason> found = new ArrayList<>();
        switch (t.name()) {
            case "debtors" -> {
                found.add(ref("entities", get(t, v, "entity_id"), false));
                found.add(ref("collectors", get(t, v, "collector_id"), false));
                found.add(ref("scenarios", get(t, v, "scenario_id"), false));
            }
            case "invoices" -> {
                found.add(ref("debtors", get(t, v, "debtor_id"), false));
                if ("CREDIT_NOTE".equals(get(t, v, "document_type"))) {
                    found.add(ref("invoices", get(t, v, "credited_invoice_id"), true));
                }
            }
            case "payments" -> found.add(ref("invoices", get(t, v, "invoice_id"), true));
            case "dunning_actions" -> {
                found.add(ref("debtors", get(t, v, "debtor_id"), false));
                found.add(ref("invoices", get(t, v, "invoice_id"), false));
                found.add(ref("scenarios", get(t, v, "scenario_id"), false));
                found.add(ref("collectors", get(t, v, "collector_id"), false));
            }
            case "payment_promises" -> {
                found.add(ref("debtors", get(t, v, "debtor_id"), false));
                found.add(ref("invoices", get(t, v, "invoice_id"), false));
                found.add(ref("collectors", get(t, v, "collector_id"), false));
            }
            case "disputes" -> found.add(ref("invoices", get(t, v, "invoice_id"), false));
            default -> {
            }
        }
        if (found.contains(RejectReason.UNKNOWN_REFERENCE)) {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        if (found.contains(RejectReason.PARENT_REJECTED)) {
            return RejectReason.PARENT_REJECTED;
        }
        if (t == Contract.INVOICES) {
            boolean linkedCredit = "CREDIT_NOTE".equals(get(t, v, "document_type"))
                    && get(t, v, "credited_invoice_id") != null;
            if (!linkedCredit && !hasRate((String) get(t, v, "currency"),
                    (LocalDate) get(t, v, "issue_date"))) {
                return RejectReason.MISSING_FX_RATE;
            }
        }
        if (t == Contract.PAYMENT_PROMISES && !hasRate((String) get(t, v, "currency"),
                (LocalDate) get(t, v, "created_date"))) {
            return RejectReason.MISSING_FX_RATE;
        }
        return null;
    }

    /** The fate of one reference: null when it resolves to an accepted row. */
    private RejectReason ref(String table, Object id, boolean invoiceTypeOnly) {
        if (id == null) {
            return null;
        }
        List<Row> candidates = new ArrayList<>();
        for (Row r : byId.get(table).getOrDefault(id, List.of())) {
            if (!invoiceTypeOnly || "INVOICE".equals(r.v[2])) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        return candidates.stream().anyMatch(Row::accepted) ? null : RejectReason.PARENT_REJECTED;
    }

    private boolean hasRate(String currency, LocalDate day) {
        if (Contract.REPORTING_CURRENCY.equals(currency)) {
            return true;
        }
        NavigableMap<LocalDate, BigDecimal> byDay = rates.get(currency);
        return byDay != null && byDay.floorKey(day) != null;
    }
}
