package io.encours.samples.dirty;

import static java.util.Objects.requireNonNull;

import io.encours.contract.ColumnType;
import io.encours.contract.Contract;
import io.encours.contract.RejectReason;
import io.encours.contract.Table;
import io.encours.samples.ledger.Seeds;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plans the extra rows of {@code --dirty}: rows that break each rule of DATA-CONTRACT.md's
 * bad-input table, in every table where the rule applies, and the exact number of rows a
 * correct ingestion rejects for each reason.
 *
 * <p>Every dirty row is a valid row that breaks exactly one rule, so its reason is that rule;
 * the ids of dirty rows are fresh (prefix {@code X}) so they never collide with clean rows,
 * except for the {@code DUPLICATE_ID} rows that copy the id of a clean row of a leaf table
 * (payments, actions, promises, disputes: nothing refers to them, so the rejection of the
 * clean copy cascades nowhere). {@code PARENT_REJECTED} rows refer to rejected dirty rows,
 * which makes small families (a rejected debtor, its invoices, their payments…). No dirty row
 * is ever accepted, and no clean row is rejected except those duplicate-id victims.
 *
 * <p>Budget: per table about {@code rate × clean rows} rejects, at least one per applicable
 * reason where the cap allows, never more than {@code 3 × rate} of the clean rows (and under
 * 5 % for a rate up to 1 %) so a default ingestion run stays under its threshold. Tables too
 * small for one reject within the cap (entities, scenarios, a handful of collectors) only get
 * an exact duplicate.
 */
public final class DirtyPlanner {
    private static final Map<String, List<RejectReason>> APPLICABLE = Map.of(
            "entities", List.of(RejectReason.MISSING_REQUIRED, RejectReason.DUPLICATE_ID),
            "collectors", List.of(RejectReason.MISSING_REQUIRED, RejectReason.DUPLICATE_ID),
            "scenarios", List.of(RejectReason.MISSING_REQUIRED, RejectReason.DUPLICATE_ID),
            "debtors", List.of(RejectReason.MISSING_REQUIRED, RejectReason.BAD_ENUM,
                    RejectReason.BAD_AMOUNT, RejectReason.DUPLICATE_ID,
                    RejectReason.UNKNOWN_REFERENCE, RejectReason.PARENT_REJECTED),
            "fx_rates", List.of(RejectReason.MISSING_REQUIRED, RejectReason.BAD_AMOUNT,
                    RejectReason.DUPLICATE_ID),
            "invoices", List.of(RejectReason.values()),
            "payments", List.of(RejectReason.MISSING_REQUIRED, RejectReason.BAD_ENUM,
                    RejectReason.BAD_AMOUNT, RejectReason.FUTURE_DATE, RejectReason.DUPLICATE_ID,
                    RejectReason.UNKNOWN_REFERENCE, RejectReason.PARENT_REJECTED),
            "dunning_actions", List.of(RejectReason.MISSING_REQUIRED, RejectReason.BAD_ENUM,
                    RejectReason.FUTURE_DATE, RejectReason.DUPLICATE_ID,
                    RejectReason.UNKNOWN_REFERENCE, RejectReason.PARENT_REJECTED),
            "payment_promises", List.of(RejectReason.MISSING_REQUIRED, RejectReason.BAD_AMOUNT,
                    RejectReason.BAD_DATE_ORDER, RejectReason.FUTURE_DATE,
                    RejectReason.DUPLICATE_ID, RejectReason.UNKNOWN_REFERENCE,
                    RejectReason.PARENT_REJECTED, RejectReason.MISSING_FX_RATE),
            "disputes", List.of(RejectReason.MISSING_REQUIRED, RejectReason.BAD_ENUM,
                    RejectReason.BAD_DATE_ORDER, RejectReason.FUTURE_DATE,
                    RejectReason.DUPLICATE_ID, RejectReason.UNKNOWN_REFERENCE,
                    RejectReason.PARENT_REJECTED));

    /** Tables whose rejected rows can be the parent of a PARENT_REJECTED row, per child. */
    private static final Map<String, List<String>> PARENTS = Map.of(
            "debtors", List.of("collectors"),
            "invoices", List.of("debtors", "invoices"),
            "payments", List.of("invoices"),
            "dunning_actions", List.of("debtors", "invoices"),
            "payment_promises", List.of("debtors", "invoices"),
            "disputes", List.of("invoices"));

    /** Leaf tables: a clean row's id can be duplicated there without any cascade. */
    private static final Set<String> LEAVES =
            Set.of("payments", "dunning_actions", "payment_promises", "disputes");

    /** Reasons a parent (root) row is rejected for, in rotation. */
    private static final Map<String, List<RejectReason>> ROOT_REASONS = Map.of(
            "collectors", List.of(RejectReason.MISSING_REQUIRED),
            "debtors", List.of(RejectReason.BAD_ENUM, RejectReason.BAD_AMOUNT,
                    RejectReason.UNKNOWN_REFERENCE, RejectReason.MISSING_REQUIRED),
            "invoices", List.of(RejectReason.BAD_AMOUNT, RejectReason.MISSING_FX_RATE,
                    RejectReason.FUTURE_DATE, RejectReason.UNKNOWN_REFERENCE,
                    RejectReason.BAD_DATE_ORDER));

    /** A planned dirty row; reason null = an exact duplicate (collapsed, not rejected). */
    private record Planned(Table table, Object[] values, RejectReason reason) {
    }

    /** Rows planned together: a single bad row, a duplicate pair, or a parent and a child. */
    private static final class Unit {
        final List<Planned> rows = new ArrayList<>();
        final Map<String, Integer> cost = new HashMap<>();
        final List<String> cleanRejected = new ArrayList<>();

        Unit reject(Table t, Object[] values, RejectReason reason) {
            rows.add(new Planned(t, values, reason));
            cost.merge(t.name(), 1, Integer::sum);
            return this;
        }

        /** A clean row of {@code t} rejected as a duplicate of one of the unit's rows. */
        Unit rejectClean(Table t) {
            cleanRejected.add(t.name());
            cost.merge(t.name(), 1, Integer::sum);
            return this;
        }

        Unit add(Unit other) {
            other.rows.forEach(r -> reject(r.table(), r.values(), r.reason()));
            other.cleanRejected.forEach(name -> rejectClean(Contract.table(name)));
            return this;
        }
    }

    /** The planned rows per table and the manifest. */
    public record Plan(Map<String, List<Object[]>> rows, DirtyManifest manifest) {
        public Plan {
            requireNonNull(rows, "rows");
            requireNonNull(manifest, "manifest");
        }
    }

    private final double rate;
    private final LocalDate asOf;
    private final LocalDate firstRate;
    private final LocalDate windowStart;
    private final Map<String, Long> clean;
    private final CleanSample sample;
    private final SplittableRandom rng;

    private final Map<String, Integer> target = new HashMap<>();
    private final Map<String, Integer> used = new HashMap<>();
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private final Map<String, EnumMap<RejectReason, Long>> expected = new HashMap<>();
    private final Map<String, Long> collapsed = new HashMap<>();
    private final Map<String, List<String>> parentIds = new HashMap<>();
    private final Map<String, Integer> fresh = new HashMap<>();
    private final Map<String, Integer> rotation = new HashMap<>();
    private final Set<Object[]> usedSampleRows = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nextFxKey;
    private final List<Object[]> fxKeys = new ArrayList<>();

    /**
     * @param clean clean rows written per table
     * @param firstRate the first rate_date of the clean fx_rates (all currencies)
     */
    public DirtyPlanner(double rate, long seed, LocalDate asOf, LocalDate windowStart,
            LocalDate firstRate, Map<String, Long> clean, CleanSample sample) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("dirty rate must be in (0, 1): " + rate);
        }
        this.rate = rate;
        this.asOf = requireNonNull(asOf, "asOf");
        this.windowStart = requireNonNull(windowStart, "windowStart");
        this.firstRate = requireNonNull(firstRate, "firstRate");
        this.clean = Map.copyOf(clean);
        this.sample = requireNonNull(sample, "sample");
        this.rng = Seeds.stream(seed, Seeds.Purpose.DIRTY, 0);
        for (Table t : Contract.TABLES) {
            rows.put(t.name(), new ArrayList<>());
            expected.put(t.name(), new EnumMap<>(RejectReason.class));
        }
    }

    public Plan plan() {
        double limit = 3 * rate;
        if (rate <= 0.01) {
            limit = Math.min(limit, 0.049);
        }
        for (Table t : Contract.TABLES) {
            long n = clean.getOrDefault(t.name(), 0L);
            int cap = (int) Math.floor(limit * n);
            int minimum = APPLICABLE.get(t.name()).size() + 1;
            target.put(t.name(), (int) Math.min(cap, Math.max(Math.round(rate * n), minimum)));
            used.put(t.name(), 0);
        }
        // One of each applicable reason first, then round robin up to the targets.
        for (Table t : Contract.TABLES) {
            for (RejectReason r : APPLICABLE.get(t.name())) {
                tryCommit(build(t, r, false));
            }
        }
        Map<String, Integer> pointer = new HashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Table t : Contract.TABLES) {
                List<RejectReason> reasons = APPLICABLE.get(t.name());
                for (int tries = 0; tries < reasons.size() && used.get(t.name()) < target.get(t.name());
                        tries++) {
                    int at = pointer.merge(t.name(), 1, Integer::sum) % reasons.size();
                    if (tryCommit(build(t, reasons.get(at), false))) {
                        progress = true;
                        break;
                    }
                }
            }
        }
        addExactDuplicates();
        return new Plan(rows, manifest());
    }

    // ---- bookkeeping ----------------------------------------------------------------------

    private boolean tryCommit(Unit u) {
        if (u == null) {
            return false;
        }
        for (Map.Entry<String, Integer> c : u.cost.entrySet()) {
            if (used.get(c.getKey()) + c.getValue() > target.get(c.getKey())) {
                return false;
            }
        }
        u.cost.forEach((table, n) -> used.merge(table, n, Integer::sum));
        for (Planned p : u.rows) {
            rows.get(p.table().name()).add(p.values());
            expected.get(p.table().name()).merge(p.reason(), 1L, Long::sum);
            registerParent(p);
        }
        for (String table : u.cleanRejected) {
            expected.get(table).merge(RejectReason.DUPLICATE_ID, 1L, Long::sum);
        }
        return true;
    }

    /** A rejected row with a usable id can be the parent of PARENT_REJECTED rows. */
    private void registerParent(Planned p) {
        String table = p.table().name();
        if (!ROOT_REASONS.containsKey(table)) {
            return;
        }
        Object id = p.values()[0];
        if (!(id instanceof String s) || s.isBlank()) {
            return;
        }
        if (table.equals("invoices") && !"INVOICE".equals(p.values()[2])) {
            return;
        }
        List<String> ids = parentIds.computeIfAbsent(table, k -> new ArrayList<>());
        if (!ids.contains(s)) {
            ids.add(s);
        }
    }

    private boolean hasRoom(String table, int n) {
        return used.get(table) + n <= target.get(table);
    }

    private int turn(String key) {
        return rotation.merge(key, 1, Integer::sum) - 1;
    }

    private String freshId(Table t) {
        int n = fresh.merge(t.name(), 1, Integer::sum);
        return switch (t.name()) {
            case "entities" -> String.format("ENT-X%02d", n);
            case "collectors" -> String.format("COL-X%03d", n);
            case "scenarios" -> String.format("SC-X%03d", n);
            case "debtors" -> String.format("CLI-X%06d", n);
            case "invoices" -> String.format("INV-X%07d", n);
            case "payments" -> String.format("PAY-X%08d", n);
            case "dunning_actions" -> String.format("ACT-X%08d", n);
            case "payment_promises" -> String.format("PRM-X%07d", n);
            case "disputes" -> String.format("DSP-X%07d", n);
            default -> throw new IllegalArgumentException("no fresh ids for " + t.name());
        };
    }

    private static String unknown(String prefix, int n) {
        return String.format("%s-UNKNOWN-%05d", prefix, n);
    }

    private static int col(Table t, String column) {
        int i = t.columnNames().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(t.name() + " has no column " + column);
        }
        return i;
    }

    private static Object[] with(Table t, Object[] values, String column, Object value) {
        Object[] copy = values.clone();
        copy[col(t, column)] = value;
        return copy;
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private Object pickSample(String table, int column) {
        List<Object[]> list = sample.rows(table);
        return list.isEmpty() ? null : list.get(rng.nextInt(list.size()))[column];
    }

    private String cleanDebtor() {
        return (String) pickSample("debtors", 0);
    }

    private String cleanInvoice() {
        return (String) pickSample("invoices", 0);
    }

    private String cleanCreditNote() {
        return (String) pickSample(CleanSample.CREDIT_NOTES, 0);
    }

    private String cleanCollector() {
        return (String) pickSample("collectors", 0);
    }

    // ---- valid templates ------------------------------------------------------------------

    /** A valid row with a fresh id (fresh key for fx_rates), or null if impossible. */
    private Object[] template(Table t) {
        int k = rng.nextInt(300);
        LocalDate recent = asOf.minusDays(15 + k);
        switch (t.name()) {
            case "entities":
                return new Object[] {freshId(t), "Filiale reprise " + k, "FR"};
            case "collectors":
                return new Object[] {freshId(t), "Collecteur intérimaire " + k, "Recouvrement PME Nord"};
            case "scenarios":
                return new Object[] {freshId(t), "Scénario importé " + k, "SME"};
            case "debtors":
                return new Object[] {freshId(t), "ENT-01", "Client repris " + k + " SARL", "SME", "G",
                    "FR", null, null, 40 + k % 50, cents(500_000L + 1000L * k), false};
            case "fx_rates": {
                Object[] key = nextFxKey();
                return new Object[] {key[0], key[1],
                    new BigDecimal("1.10000000").add(BigDecimal.valueOf(k, 8))};
            }
            case "invoices": {
                String debtor = cleanDebtor();
                return debtor == null ? null : new Object[] {freshId(t), debtor, "INVOICE", null,
                    recent, recent.plusDays(30), cents(10_000L + 731L * k), "EUR", null};
            }
            case "payments": {
                String invoice = cleanInvoice();
                return invoice == null ? null : new Object[] {freshId(t), invoice,
                    asOf.minusDays(1 + k), cents(5_000L + 377L * k), "TRANSFER"};
            }
            case "dunning_actions": {
                String debtor = cleanDebtor();
                return debtor == null ? null : new Object[] {freshId(t), debtor, null, null, null,
                    "CALL", asOf.minusDays(k), cleanCollector(), false};
            }
            case "payment_promises": {
                String debtor = cleanDebtor();
                return debtor == null ? null : new Object[] {freshId(t), debtor, null,
                    cleanCollector(), recent, recent.plusDays(7), cents(20_000L + 913L * k), "EUR"};
            }
            case "disputes": {
                String invoice = cleanInvoice();
                return invoice == null ? null : new Object[] {freshId(t), invoice, recent,
                    recent.plusDays(5), "PRICE"};
            }
            default:
                throw new IllegalArgumentException(t.name());
        }
    }

    /**
     * A (currency, rate_date) no clean rate has: weekend days of the history (rates are
     * business-day), then days after T.
     */
    private Object[] nextFxKey() {
        if (fxKeys.isEmpty()) {
            List<String> currencies = List.of("GBP", "USD", "CHF");
            for (LocalDate d = windowStart; !d.isAfter(asOf); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    for (String c : currencies) {
                        fxKeys.add(new Object[] {c, d});
                    }
                }
            }
        }
        if (nextFxKey < fxKeys.size()) {
            return fxKeys.get(nextFxKey++);
        }
        int beyond = nextFxKey++ - fxKeys.size();
        return new Object[] {List.of("GBP", "USD", "CHF").get(beyond % 3),
            asOf.plusDays(1 + beyond / 3)};
    }

    // ---- one unit per reason --------------------------------------------------------------

    private Unit build(Table t, RejectReason r, boolean asParent) {
        return switch (r) {
            case MISSING_REQUIRED -> missingRequired(t, asParent);
            case BAD_ENUM -> badEnum(t);
            case BAD_AMOUNT -> badAmount(t);
            case BAD_DATE_ORDER -> badDateOrder(t);
            case FUTURE_DATE -> futureDate(t);
            case DUPLICATE_ID -> duplicateId(t);
            case UNKNOWN_REFERENCE -> unknownReference(t);
            case PARENT_REJECTED -> parentRejected(t);
            case MISSING_FX_RATE -> missingFxRate(t);
        };
    }

    private Unit single(Table t, Object[] values, RejectReason r) {
        return values == null ? null : new Unit().reject(t, values, r);
    }

    private Unit missingRequired(Table t, boolean asParent) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        List<String> key = t.key();
        List<String> nonKey = t.columns().stream()
                .filter(c -> c.required() && !key.contains(c.name())
                        && !(asParent && c.name().equals("document_type")))
                .map(c -> c.name()).toList();
        int n = turn("MISSING_REQUIRED/" + t.name());
        String column;
        Object value;
        if (!asParent && n == 1) {
            column = key.get(0);
            value = null;
        } else if (!asParent && n == 3 && t.column(key.get(0)).orElseThrow().type()
                == ColumnType.STRING) {
            column = key.get(0);
            value = "  ";
        } else {
            column = nonKey.get(n % nonKey.size());
            boolean text = t.column(column).orElseThrow().type() == ColumnType.STRING;
            value = text && n % 2 == 0 ? " " : null;
        }
        return single(t, with(t, base, column, value), RejectReason.MISSING_REQUIRED);
    }

    private Unit badEnum(Table t) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        int n = turn("BAD_ENUM/" + t.name());
        Object[] bad = switch (t.name()) {
            case "debtors" -> n % 2 == 0
                    ? with(t, base, "segment", List.of("sme", "Key_Account", "GRAND_COMPTE", "micro").get(n / 2 % 4))
                    : with(t, base, "sector", List.of("V", "a", "Z", "47").get(n / 2 % 4));
            case "invoices" -> with(t, base, "document_type",
                    List.of("invoice", "FACTURE", "AVOIR", "Credit_Note").get(n % 4));
            case "payments" -> with(t, base, "method",
                    List.of("VIREMENT", "transfer", "CASH", "PRELEVEMENT").get(n % 4));
            case "dunning_actions" -> with(t, base, "channel",
                    List.of("WHATSAPP", "email", "PHONE", "COURRIER").get(n % 4));
            case "disputes" -> with(t, base, "category",
                    List.of("PRIX", "price", "LITIGE", "Quality").get(n % 4));
            default -> null;
        };
        return single(t, bad, RejectReason.BAD_ENUM);
    }

    private Unit badAmount(Table t) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        int n = turn("BAD_AMOUNT/" + t.name());
        long magnitude = 100L + rng.nextInt(500_000);
        Object[] bad = switch (t.name()) {
            case "debtors" -> with(t, base, "credit_score", List.of(-1, 101, 150, -20).get(n % 4));
            case "fx_rates" -> with(t, base, "eur_per_unit", List.of(new BigDecimal("0.00000000"),
                    new BigDecimal("-1.10450000"), new BigDecimal("-0.00000001")).get(n % 3));
            case "invoices" -> switch (n % 3) {
                case 0 -> with(t, base, "amount", cents(0));
                case 1 -> with(t, base, "amount", cents(-magnitude));
                // A credit note with a positive amount.
                default -> with(t, with(t, base, "document_type", "CREDIT_NOTE"), "amount",
                        cents(magnitude));
            };
            case "payments" -> with(t, base, "amount", cents(n % 2 == 0 ? 0 : -magnitude));
            case "payment_promises" -> with(t, base, "promised_amount",
                    cents(n % 2 == 0 ? 0 : -magnitude));
            default -> null;
        };
        return single(t, bad, RejectReason.BAD_AMOUNT);
    }

    private Unit badDateOrder(Table t) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        long back = 1 + rng.nextInt(30);
        Object[] bad = switch (t.name()) {
            case "invoices" -> with(t, base, "due_date",
                    ((LocalDate) base[col(t, "issue_date")]).minusDays(back));
            case "payment_promises" -> with(t, base, "promised_date",
                    ((LocalDate) base[col(t, "created_date")]).minusDays(back));
            case "disputes" -> with(t, base, "resolved_date",
                    ((LocalDate) base[col(t, "opened_date")]).minusDays(back));
            default -> null;
        };
        return single(t, bad, RejectReason.BAD_DATE_ORDER);
    }

    private Unit futureDate(Table t) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        LocalDate future = asOf.plusDays(1 + rng.nextInt(45));
        Object[] bad = switch (t.name()) {
            case "invoices" -> with(t, with(t, base, "issue_date", future), "due_date",
                    future.plusDays(30));
            case "payments" -> with(t, base, "payment_date", future);
            case "dunning_actions" -> with(t, base, "action_date", future);
            case "payment_promises" -> with(t, with(t, base, "created_date", future),
                    "promised_date", future.plusDays(10));
            case "disputes" -> with(t, with(t, base, "opened_date", future), "resolved_date", null);
            default -> null;
        };
        return single(t, bad, RejectReason.FUTURE_DATE);
    }

    /**
     * Two rows sharing an id with different values: a clean row of a leaf table and a changed
     * copy (when the sample has a row not used yet), or two new rows.
     */
    private Unit duplicateId(Table t) {
        String name = t.name();
        if (LEAVES.contains(name) && turn("DUPLICATE_ID/" + name) % 2 == 0) {
            for (Object[] c : sample.rows(name)) {
                if (!usedSampleRows.contains(c)) {
                    usedSampleRows.add(c);
                    return new Unit().reject(t, changed(t, c), RejectReason.DUPLICATE_ID)
                            .rejectClean(t);
                }
            }
        }
        Object[] first = template(t);
        if (first == null) {
            return null;
        }
        return new Unit().reject(t, first, RejectReason.DUPLICATE_ID)
                .reject(t, changed(t, first), RejectReason.DUPLICATE_ID);
    }

    /** The same key with one other value changed, still valid. */
    private static Object[] changed(Table t, Object[] row) {
        return switch (t.name()) {
            case "entities", "collectors", "scenarios" ->
                with(t, row, "name", row[col(t, "name")] + " (doublon)");
            case "debtors" -> with(t, row, "name", row[col(t, "name")] + " (doublon)");
            case "fx_rates" -> with(t, row, "eur_per_unit",
                    ((BigDecimal) row[2]).add(new BigDecimal("0.00010000")));
            case "invoices" -> with(t, row, "amount",
                    ((BigDecimal) row[col(t, "amount")]).add(cents(100)));
            case "payments" -> with(t, row, "amount",
                    ((BigDecimal) row[col(t, "amount")]).add(cents(1)));
            case "dunning_actions" -> with(t, row, "action_date",
                    ((LocalDate) row[col(t, "action_date")]).minusDays(1));
            case "payment_promises" -> with(t, row, "promised_amount",
                    ((BigDecimal) row[col(t, "promised_amount")]).add(cents(100)));
            case "disputes" -> with(t, row, "category",
                    "OTHER".equals(row[col(t, "category")]) ? "PRICE" : "OTHER");
            default -> throw new IllegalArgumentException(t.name());
        };
    }

    private Unit unknownReference(Table t) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        int n = turn("UNKNOWN_REFERENCE/" + t.name());
        Object[] bad = switch (t.name()) {
            case "debtors" -> switch (n % 3) {
                case 0 -> with(t, base, "entity_id", unknown("ENT", n));
                case 1 -> with(t, base, "collector_id", unknown("COL", n));
                default -> with(t, base, "scenario_id", unknown("SC", n));
            };
            case "invoices" -> {
                String creditNote = cleanCreditNote();
                int variant = creditNote == null ? n % 2 : n % 3;
                Object[] asCredit = with(t, with(t, base, "document_type", "CREDIT_NOTE"), "amount",
                        ((BigDecimal) base[col(t, "amount")]).negate());
                yield switch (variant) {
                    case 0 -> with(t, base, "debtor_id", unknown("CLI", n));
                    case 1 -> with(t, asCredit, "credited_invoice_id", unknown("INV", n));
                    // Crediting a credit note counts as unknown.
                    default -> with(t, asCredit, "credited_invoice_id", creditNote);
                };
            }
            case "payments" -> {
                String creditNote = cleanCreditNote();
                // A payment on a credit note counts as unknown.
                yield creditNote != null && n % 2 == 1 ? with(t, base, "invoice_id", creditNote)
                        : with(t, base, "invoice_id", unknown("INV", n));
            }
            case "dunning_actions" -> switch (n % 4) {
                case 0 -> with(t, base, "debtor_id", unknown("CLI", n));
                case 1 -> with(t, base, "invoice_id", unknown("INV", n));
                case 2 -> with(t, base, "scenario_id", unknown("SC", n));
                default -> with(t, base, "collector_id", unknown("COL", n));
            };
            case "payment_promises" -> switch (n % 3) {
                case 0 -> with(t, base, "debtor_id", unknown("CLI", n));
                case 1 -> with(t, base, "invoice_id", unknown("INV", n));
                default -> with(t, base, "collector_id", unknown("COL", n));
            };
            case "disputes" -> with(t, base, "invoice_id", unknown("INV", n));
            default -> null;
        };
        return single(t, bad, RejectReason.UNKNOWN_REFERENCE);
    }

    private Unit missingFxRate(Table t) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        int n = turn("MISSING_FX_RATE/" + t.name());
        LocalDate before = firstRate.minusDays(5 + rng.nextInt(40));
        Object[] bad = switch (t.name()) {
            case "invoices" -> switch (n % 3) {
                case 0 -> with(t, base, "currency", "JPY");
                // Issued before the first GBP rate.
                case 1 -> with(t, with(t, with(t, base, "currency", "GBP"), "issue_date", before),
                        "due_date", before.plusDays(30));
                // A stand-alone credit note needs a rate of its own.
                default -> with(t, with(t, with(t, base, "currency", "JPY"), "document_type",
                        "CREDIT_NOTE"), "amount", ((BigDecimal) base[col(t, "amount")]).negate());
            };
            case "payment_promises" -> n % 2 == 0 ? with(t, base, "currency", "JPY")
                    : with(t, with(t, with(t, base, "currency", "GBP"), "created_date", before),
                            "promised_date", before.plusDays(7));
            default -> null;
        };
        return single(t, bad, RejectReason.MISSING_FX_RATE);
    }

    /**
     * A row that refers to a rejected row: an existing rejected parent (reused, so families
     * have several children), or a new parent rejected for a reason of its own.
     */
    private Unit parentRejected(Table t) {
        List<String> parentTables = PARENTS.get(t.name());
        if (parentTables == null) {
            return null;
        }
        int start = turn("PARENT_REJECTED/" + t.name());
        for (int i = 0; i < parentTables.size(); i++) {
            String parentTable = parentTables.get((start + i) % parentTables.size());
            Unit u = new Unit();
            List<String> existing = parentIds.getOrDefault(parentTable, List.of());
            String parent = null;
            if (!existing.isEmpty() && (rng.nextDouble() < 0.7 || !hasRoom(parentTable, 1))) {
                parent = existing.get(rng.nextInt(existing.size()));
            } else if (hasRoom(parentTable, 1)) {
                Unit root = root(parentTable);
                if (root != null) {
                    u.add(root);
                    parent = (String) root.rows.get(0).values()[0];
                }
            }
            if (parent == null && !existing.isEmpty()) {
                parent = existing.get(rng.nextInt(existing.size()));
            }
            if (parent == null) {
                continue;
            }
            Object[] child = child(t, parentTable, parent);
            if (child != null) {
                return u.reject(t, child, RejectReason.PARENT_REJECTED);
            }
        }
        return null;
    }

    private Unit root(String table) {
        List<RejectReason> reasons = ROOT_REASONS.get(table);
        RejectReason r = reasons.get(turn("ROOT/" + table) % reasons.size());
        Table t = Contract.table(table);
        Unit u = r == RejectReason.MISSING_REQUIRED ? missingRequired(t, true) : build(t, r, true);
        if (u == null || u.rows.size() != 1) {
            return null;
        }
        Object[] row = u.rows.get(0).values();
        boolean usable = row[0] instanceof String s && !s.isBlank()
                && (!table.equals("invoices") || "INVOICE".equals(row[2]));
        return usable ? u : null;
    }

    private Object[] child(Table t, String parentTable, String parent) {
        Object[] base = template(t);
        if (base == null) {
            return null;
        }
        return switch (t.name() + "<-" + parentTable) {
            case "debtors<-collectors" -> with(t, base, "collector_id", parent);
            case "invoices<-debtors" -> with(t, base, "debtor_id", parent);
            case "invoices<-invoices" -> with(t, with(t, with(t, base, "document_type",
                    "CREDIT_NOTE"), "amount", ((BigDecimal) base[col(t, "amount")]).negate()),
                    "credited_invoice_id", parent);
            case "payments<-invoices", "disputes<-invoices", "dunning_actions<-invoices",
                "payment_promises<-invoices" -> with(t, base, "invoice_id", parent);
            case "dunning_actions<-debtors", "payment_promises<-debtors" ->
                with(t, base, "debtor_id", parent);
            default -> null;
        };
    }

    // ---- exact duplicates -----------------------------------------------------------------

    /** Exact copies of clean rows (not of the duplicate-id victims): collapsed, not rejected. */
    private void addExactDuplicates() {
        for (Table t : Contract.TABLES) {
            List<Object[]> candidates = new ArrayList<>();
            for (Object[] r : sample.rows(t.name())) {
                if (!usedSampleRows.contains(r)) {
                    candidates.add(r);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            long n = Math.max(1, Math.round(rate * clean.getOrDefault(t.name(), 0L) / 10.0));
            for (long i = 0; i < n; i++) {
                rows.get(t.name()).add(candidates.get((int) (i % candidates.size())).clone());
                collapsed.merge(t.name(), 1L, Long::sum);
            }
        }
    }

    private DirtyManifest manifest() {
        List<DirtyManifest.ReasonCount> rejects = new ArrayList<>();
        List<DirtyManifest.TableCount> duplicates = new ArrayList<>();
        List<DirtyManifest.TableCount> accepted = new ArrayList<>();
        for (Table t : Contract.TABLES) {
            long rejected = 0;
            for (Map.Entry<RejectReason, Long> e : expected.get(t.name()).entrySet()) {
                rejects.add(new DirtyManifest.ReasonCount(t.name(), e.getKey().name(), e.getValue()));
                rejected += e.getValue();
            }
            long dup = collapsed.getOrDefault(t.name(), 0L);
            if (dup > 0) {
                duplicates.add(new DirtyManifest.TableCount(t.name(), dup));
            }
            long read = clean.getOrDefault(t.name(), 0L) + rows.get(t.name()).size();
            accepted.add(new DirtyManifest.TableCount(t.name(), read - rejected - dup));
        }
        return new DirtyManifest(rate, rejects, duplicates, accepted);
    }
}
