package io.encours.samples.ledger;

import static java.util.Objects.requireNonNull;

import io.encours.samples.rows.DisputeRow;
import io.encours.samples.rows.DunningActionRow;
import io.encours.samples.rows.InvoiceRow;
import io.encours.samples.rows.PaymentPromiseRow;
import io.encours.samples.rows.PaymentRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates the ledger of one debtor over the history window and emits its rows.
 *
 * <p>First every document gets a natural life: issue date, amount, credit note, dispute and
 * the payments it would get without any collection effort. Then the collection activity is
 * replayed day by day (reminders of the debtor's scenario, ad-hoc calls, monthly account
 * reviews): a reminder is sent only while its invoice is unpaid, and a promise obtained on a
 * call changes the payments that come after it (kept: paid inside the promise window;
 * broken: nothing, or only part, paid in it). Because a promise only ever moves payments
 * dated after its own day, and a debtor has one promise window open at a time, what was
 * already emitted stays true.
 */
public final class DebtorLedger {
    private static final double CREDIT_NOTE_SHARE = 0.04;
    private static final double LINKED_CREDIT_SHARE = 0.75;
    private static final double TOTAL_CREDIT_SHARE = 0.35;
    /** Credit notes granted at the end of a dispute. */
    private static final double CREDIT_AFTER_DISPUTE = 0.5;
    private static final double OVERPAYMENT_SHARE = 0.012;
    /** Never-paid invoices that still received one partial payment. */
    private static final double NEVER_PAID_PARTIAL = 0.25;
    private static final double DIRECT_DEBIT_ON_TIME = 0.92;
    /** Late payers outside the SMS plan who pay right after one of their reminders. */
    private static final double GENERIC_RESPONSE = 0.25;
    private static final double AD_HOC_CALL_ON_SCENARIO = 0.06;
    private static final double STATEMENT_SHARE = 0.35;
    private static final double STEP_CALL_PROMISE = 0.40;
    private static final double AD_HOC_CALL_PROMISE = 0.50;
    private static final double REVIEW_CALL_PROMISE = 0.40;
    /** Broken promises where part of the amount was still paid in the window. */
    private static final double BROKEN_PARTIAL = 0.30;
    /** METRICS.md's grace days after the promised date. */
    private static final int GRACE = 3;
    /** Minimum days between two steps of a scenario for one invoice. */
    private static final int STEP_SPACING = 3;
    /** Write-off decisions dated after T that the extract already carries. */
    private static final double LATE_WRITE_OFF_KEPT = 0.12;
    /** Disputes unresolved at T whose (planned) resolution date is already recorded. */
    private static final double FUTURE_RESOLUTION_KEPT = 0.15;
    private static final String[] DISPUTE_CATEGORIES =
        {"PRICE", "QUALITY", "DELIVERY", "BILLING_ERROR", "OTHER"};
    private static final double[] DISPUTE_WEIGHTS = {30, 20, 25, 15, 10};
    private static final double[] CREDIT_DISPUTE_WEIGHTS = {35, 30, 20, 15, 0};

    private static final int STEP = 0;
    private static final int AD_HOC = 1;
    private static final int REVIEW = 2;

    private record PlannedAction(int day, Doc doc, String scenarioId, Integer step,
            String channel, String collectorId, boolean preventive) {
    }

    private record PlannedPromise(int created, int promised, Doc doc, long cents,
            String currency) {
    }

    private final LedgerContext ctx;
    private final DebtorProfile p;
    private final Segment.Behaviour b;
    private final DunningScenario scenario;
    private final int documents;
    private final long firstDocument;
    private final SplittableRandom rng;
    private final LedgerIds ids;
    private final LedgerSink out;
    private final List<Doc> docs;
    private final List<PlannedAction> actions = new ArrayList<>();
    private final List<PlannedPromise> promises = new ArrayList<>();
    /** End of the last promise window: one window open at a time per debtor. */
    private int lockedUntil = Integer.MIN_VALUE;

    public DebtorLedger(LedgerContext ctx, DebtorProfile profile, int documents,
            long firstDocument, long seed, LedgerIds ids, LedgerSink out) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.p = requireNonNull(profile, "profile");
        this.b = profile.segment().behaviour();
        this.scenario = profile.scenario();
        this.documents = documents;
        this.firstDocument = firstDocument;
        this.rng = Seeds.stream(seed, Seeds.Purpose.DEBTOR_LEDGER, profile.index());
        this.ids = requireNonNull(ids, "ids");
        this.out = requireNonNull(out, "out");
        this.docs = new ArrayList<>(documents);
    }

    public void run() {
        out.debtor(p.row());
        drawDocuments();
        planDisputes();
        for (Doc d : docs) {
            if (!d.creditNote) {
                planPayments(d);
            }
        }
        collect();
        emit();
    }

    // ---- documents ------------------------------------------------------------------------

    private void drawDocuments() {
        int[] days = new int[documents];
        for (int i = 0; i < documents; i++) {
            days[i] = ctx.seasonality().sample(rng, p.activeFrom(), p.activeTo());
        }
        Arrays.sort(days);
        for (int k = 0; k < documents; k++) {
            int day = days[k];
            if (k > 0 && Pick.chance(rng, CREDIT_NOTE_SHARE)) {
                Doc target = Pick.chance(rng, LINKED_CREDIT_SHARE) ? creditable(day) : null;
                docs.add(target == null ? standAloneCredit(k, day) : linkedCredit(k, day, target));
            } else {
                docs.add(invoice(k, day));
            }
        }
    }

    private String documentId(int k, boolean creditNote) {
        return (creditNote ? "CN-" : "INV-")
                + ProfileFactory.pad(firstDocument + k + 1, ctx.documentIdWidth());
    }

    private Doc invoice(int k, int day) {
        double eur = b.medianAmountEur() * p.amountScale()
                * Math.exp(b.amountSigma() * rng.nextGaussian());
        eur = Math.max(15, Math.min(3_000_000, eur));
        long cents = inCurrency(Math.round(eur * 100), day);
        return new Doc(k, documentId(k, false), false, day, day + p.termsDays(), p.currency(),
                cents, null);
    }

    private long inCurrency(long eurCents, int day) {
        return p.currency().equals("EUR") ? eurCents : ctx.fx().fromEur(eurCents, p.currency(), day);
    }

    /** A recent invoice of the debtor that can still receive a credit note, or null. */
    private Doc creditable(int day) {
        Doc[] candidates = new Doc[6];
        int n = 0;
        for (int i = docs.size() - 1; i >= 0 && n < candidates.length; i--) {
            Doc d = docs.get(i);
            if (d.issue < day - 120) {
                break;
            }
            if (!d.creditNote && d.credit == null && d.disputeOpened == Days.NONE && d.issue < day) {
                candidates[n++] = d;
            }
        }
        return n == 0 ? null : candidates[rng.nextInt(n)];
    }

    private Doc linkedCredit(int k, int day, Doc inv) {
        // A total credit settles its invoice on the credit's day, on time: none in the drift
        // zone, whose delays must show the drift alone.
        boolean zone = inDriftZone(inv);
        long amount = !zone && Pick.chance(rng, TOTAL_CREDIT_SHARE) ? inv.cents
                : Math.max(1, Math.round(inv.cents * Pick.between(rng, 0.05, 0.35)));
        Doc cn = new Doc(k, documentId(k, true), true, day, day, inv.currency, -amount, inv);
        inv.credit = cn;
        if (Pick.chance(rng, CREDIT_AFTER_DISPUTE) && day - inv.issue >= 2 && !zone) {
            // The credit note settles a dispute: it is issued on the day the dispute ends.
            inv.disputeOpened = Pick.between(rng, inv.issue + 1, day - 1);
            inv.disputeEnds = day;
            inv.disputeResolvedDate = day;
            inv.disputeCategory = DISPUTE_CATEGORIES[Pick.weighted(rng, CREDIT_DISPUTE_WEIGHTS)];
        }
        return cn;
    }

    /** A rebate or goodwill credit that credits no particular invoice. */
    private Doc standAloneCredit(int k, int day) {
        long eurCents = Math.max(100, Math.round(b.medianAmountEur() * p.amountScale()
                * Pick.between(rng, 0.05, 0.4) * 100));
        return new Doc(k, documentId(k, true), true, day, day, p.currency(),
                -inCurrency(eurCents, day), null);
    }

    private void planDisputes() {
        for (Doc d : docs) {
            if (d.creditNote || d.credit != null || d.disputeOpened != Days.NONE
                    || !Pick.chance(rng, b.disputeShare()) || inDriftZone(d)) {
                continue;
            }
            int opened = Days.nextBusinessDay(Math.max(d.issue + 1, d.due + Pick.between(rng, -12, 20)));
            if (opened > ctx.asOf()) {
                continue;
            }
            double meanLength = p.segment() == Segment.KEY_ACCOUNT ? 40 : 28;
            int ends = opened + 7 + (int) Math.min(400, rng.nextExponential() * meanLength);
            d.disputeOpened = opened;
            d.disputeEnds = ends;
            d.disputeResolvedDate = ends <= ctx.asOf() || Pick.chance(rng, FUTURE_RESOLUTION_KEPT)
                    ? ends : Days.NONE;
            d.disputeCategory = DISPUTE_CATEGORIES[Pick.weighted(rng, DISPUTE_WEIGHTS)];
        }
    }

    // ---- natural payments -----------------------------------------------------------------

    private void planPayments(Doc d) {
        long payable = d.cents - d.creditCents();
        if (payable <= 0) {
            return;
        }
        boolean never;
        if (p.insolvent() && d.due >= p.insolvencyDay() - 45) {
            never = Pick.chance(rng, 0.85);
        } else {
            double share = b.neverPaidShare() * p.lateMultiplier();
            if (onSmsPlan()) {
                share *= PlantedTruths.SMS_NEVER_PAID_FACTOR;
            }
            never = Pick.chance(rng, Math.min(0.5, share));
        }
        if (never) {
            planUnpaid(d, payable);
            return;
        }
        int settle = drifted(d, naturalSettleDay(d));
        if (d.disputeOpened != Days.NONE) {
            // Paid only once the dispute is over: late.
            settle = Math.max(settle, Days.nextBusinessDay(d.disputeEnds + Pick.between(rng, 1, 15)));
        }
        if (d.credit != null && settle <= d.credit.issue) {
            // The customer waits for the credit note, then pays the balance.
            settle = Days.nextBusinessDay(d.credit.issue + Pick.between(rng, 1, 10));
        }
        schedule(d, payable, settle);
    }

    private boolean onSmsPlan() {
        return scenario != null && scenario.id().equals(DunningScenario.MICRO_SMS_ID);
    }

    private int naturalSettleDay(Doc d) {
        if (p.mainMethod().equals("DIRECT_DEBIT") && Pick.chance(rng, DIRECT_DEBIT_ON_TIME)) {
            return Days.nextBusinessDay(d.due);
        }
        double lateShare = (1 - b.onTimeShare()) * Math.sqrt(p.lateMultiplier());
        if (onSmsPlan()) {
            lateShare *= PlantedTruths.SMS_LATE_SHARE_FACTOR;
        }
        if (!Pick.chance(rng, Math.min(0.9, lateShare))) {
            if (onSmsPlan() && Pick.chance(rng, PlantedTruths.SMS_PREVENTIVE_RESPONSE)) {
                return Days.nextBusinessDay(stepDays(d)[0] + Pick.between(rng, 1, 2));
            }
            int early = (int) Math.min(d.due - d.issue - 1,
                    Math.floor(rng.nextExponential() * b.earlyMeanDays()));
            return Math.max(d.issue + 1, Days.previousBusinessDay(d.due - Math.max(0, early)));
        }
        if (onSmsPlan()) {
            return respondToStep(d, PlantedTruths.SMS_RESPONSE_BY_LATE_STEP);
        }
        if (scenario != null && Pick.chance(rng, GENERIC_RESPONSE)) {
            int[] days = stepDays(d);
            for (int i = 0; i < days.length; i++) {
                if (scenario.steps().get(i).offsetDays() > 0 && Pick.chance(rng, 0.5)) {
                    return Days.nextBusinessDay(days[i] + Pick.between(rng, 1, 5));
                }
            }
        }
        return naturalLateDay(d);
    }

    private int naturalLateDay(Doc d) {
        double mean = b.lateMeanDays() * p.lateMultiplier();
        int late = 1 + (int) Math.min(400, Math.floor(rng.nextExponential() * mean));
        return Days.nextBusinessDay(d.due + late);
    }

    /**
     * The days the scenario's steps fall on for this invoice: its offset from the due date,
     * moved to a business day and at least {@link #STEP_SPACING} days after the previous step
     * (weekends would otherwise bunch two reminders on one Monday).
     */
    private int[] stepDays(Doc d) {
        List<DunningScenario.Step> steps = scenario.steps();
        int[] days = new int[steps.size()];
        int previous = Integer.MIN_VALUE / 2;
        for (int i = 0; i < days.length; i++) {
            days[i] = Days.nextBusinessDay(Math.max(d.due + steps.get(i).offsetDays(),
                    previous + STEP_SPACING));
            previous = days[i];
        }
        return days;
    }

    /** Paid 1–2 days after the reminder of a late step drawn with the given chances. */
    private int respondToStep(Doc d, double[] chances) {
        double u = rng.nextDouble();
        int late = 0;
        int[] days = stepDays(d);
        for (int i = 0; i < days.length; i++) {
            if (scenario.steps().get(i).offsetDays() <= 0) {
                continue;
            }
            if (late < chances.length) {
                u -= chances[late++];
                if (u < 0) {
                    return Days.nextBusinessDay(days[i] + Pick.between(rng, 1, 2));
                }
            }
        }
        return Days.nextBusinessDay(d.due + 35 + (int) Math.min(300, rng.nextExponential() * 25));
    }

    /**
     * The planted drift (see {@link PlantedTruths#DRIFTING_ENTITY}). An invoice of the entity
     * that would be settled within the last months before T, or after T, is settled instead
     * {@code base + k × step} (±3) days after its due date, k (1..6) being the month of the drift
     * it then falls in; one whose shortest drifted date would fall before the drift is settled
     * {@code base} days late, the level of the months before. The month is found as a fixed
     * point of k → month of (due + delay(k)): the delay grows by less than a month per step, so
     * the month grows by at most one per step. Settling each invoice at its own month's delay
     * keeps the monthly averages from mixing the delays of neighbouring months.
     */
    private int drifted(Doc d, int settle) {
        if (!p.entity().id().equals(PlantedTruths.DRIFTING_ENTITY) || settle < ctx.driftStart()) {
            return settle;
        }
        int noise = Pick.between(rng, -3, 3);
        int months = PlantedTruths.DRIFT_MONTHS;
        int day = d.due + driftDelay(months) + noise;
        if (ctx.monthsIntoDrift(d.due + driftDelay(1) + noise) < 0) {
            day = d.due + PlantedTruths.DRIFT_BASE_DAYS + noise;
        } else {
            for (int k = 1; k <= months; k++) {
                int candidate = d.due + driftDelay(k) + noise;
                if (ctx.monthsIntoDrift(candidate) + 1 <= k) {
                    day = candidate;
                    break;
                }
            }
        }
        day = Math.max(day, d.issue + 1);
        int next = Days.nextBusinessDay(day);
        // Stay in the month the delay was chosen for.
        return Days.date(next).getMonth() == Days.date(day).getMonth() ? next
                : Days.previousBusinessDay(day);
    }

    /**
     * Invoices of the drifting entity that can be settled during the drift: they get no
     * disputes and no total credit notes, which would settle them at delays of their own.
     */
    private boolean inDriftZone(Doc inv) {
        return p.entity().id().equals(PlantedTruths.DRIFTING_ENTITY)
                && inv.due + 120 >= ctx.driftStart();
    }

    private static int driftDelay(int month) {
        return PlantedTruths.DRIFT_BASE_DAYS + month * PlantedTruths.DRIFT_STEP_DAYS;
    }

    /** Plans the payments that settle {@code payable} on {@code settle}, maybe in instalments. */
    private void schedule(Doc d, long payable, int settle) {
        int parts = Pick.chance(rng, b.instalmentShare()) ? (Pick.chance(rng, 0.7) ? 2 : 3) : 1;
        int[] days = new int[parts];
        days[parts - 1] = settle;
        int first = parts - 1;
        for (int j = parts - 2; j >= 0; j--) {
            int day = Days.previousBusinessDay(days[j + 1] - Pick.between(rng, 10, 31));
            if (day <= d.issue) {
                break;
            }
            days[j] = day;
            first = j;
        }
        long left = payable;
        for (int j = first; j < parts - 1 && left >= 2; j++) {
            long part = Math.max(1, Math.min(left - 1,
                    Math.round(left * Pick.between(rng, 0.3, 0.6))));
            d.addPay(days[j], part);
            left -= part;
        }
        if (Pick.chance(rng, OVERPAYMENT_SHARE)) {
            left += Math.min(Pick.between(rng, 1, 3000), Math.max(1, payable / 20));
        }
        d.addPay(settle, left);
    }

    private void planUnpaid(Doc d, long payable) {
        if (payable >= 2 && Pick.chance(rng, NEVER_PAID_PARTIAL)) {
            long part = Math.max(1, Math.min(payable - 1,
                    Math.round(payable * Pick.between(rng, 0.2, 0.6))));
            d.addPay(Days.nextBusinessDay(d.due + Pick.between(rng, 5, 60)), part);
        }
        int writeOff = Days.NONE;
        if (p.insolvent() && d.due >= p.insolvencyDay() - 45) {
            if (Pick.chance(rng, 0.9)) {
                writeOff = Days.nextBusinessDay(
                        Math.max(p.insolvencyDay(), d.due) + Pick.between(rng, 60, 300));
            }
        } else if (Pick.chance(rng, p.segment() == Segment.MICRO ? 0.6 : 0.35)) {
            writeOff = Days.nextBusinessDay(d.due + Pick.between(rng, 150, 420));
        }
        if (writeOff != Days.NONE && writeOff > ctx.asOf() && !Pick.chance(rng, LATE_WRITE_OFF_KEPT)) {
            writeOff = Days.NONE;
        }
        d.writeOff(writeOff);
    }

    // ---- collection -----------------------------------------------------------------------

    private void collect() {
        long[] events = new long[16];
        int n = 0;
        for (Doc d : docs) {
            if (d.creditNote) {
                continue;
            }
            if (scenario != null) {
                int[] days = stepDays(d);
                for (int s = 0; s < days.length; s++) {
                    int day = days[s];
                    if (day > d.issue && day <= ctx.asOf()) {
                        events = push(events, n++, day, STEP, d.index, s);
                    }
                }
            }
            if (p.collectorId() != null) {
                if (scenario == null) {
                    events = push(events, n++, Days.nextBusinessDay(d.due + Pick.between(rng, 12, 30)),
                            AD_HOC, d.index, 0);
                    events = push(events, n++, Days.nextBusinessDay(d.due + Pick.between(rng, 40, 65)),
                            AD_HOC, d.index, 0);
                } else if (Pick.chance(rng, AD_HOC_CALL_ON_SCENARIO)) {
                    events = push(events, n++, Days.nextBusinessDay(d.due + Pick.between(rng, 15, 50)),
                            AD_HOC, d.index, 0);
                }
            }
        }
        if ((scenario != null || p.collectorId() != null) && !docs.isEmpty()) {
            for (int day = p.activeFrom() + Pick.between(rng, 25, 45); day <= ctx.asOf();
                    day += Pick.between(rng, 28, 35)) {
                events = push(events, n++, Days.nextBusinessDay(day), REVIEW, 0, 0);
            }
        }
        Arrays.sort(events, 0, n);
        for (int i = 0; i < n; i++) {
            long e = events[i];
            int day = (int) (e >>> 40) + ctx.windowStart() - 4096;
            int kind = (int) ((e >>> 36) & 0xF);
            int doc = (int) ((e >>> 8) & 0xFFFFFFF);
            int step = (int) (e & 0xFF);
            if (day > ctx.asOf() || (p.insolvent() && day >= p.insolvencyDay())) {
                continue;
            }
            switch (kind) {
                case STEP -> onStep(docs.get(doc), scenario.steps().get(step), day);
                case AD_HOC -> onAdHocCall(docs.get(doc), day);
                default -> onReview(day);
            }
        }
    }

    /** Events sort by day, then kind (invoice steps, ad-hoc calls, reviews), document, step. */
    private long[] push(long[] events, int at, int day, int kind, int doc, int step) {
        long[] e = at < events.length ? events : Arrays.copyOf(events, events.length * 2);
        long rel = day - ctx.windowStart() + 4096L;
        if (rel < 0 || rel >= (1L << 23) || doc >= (1 << 28)) {
            throw new IllegalStateException("event out of range: day " + day + ", doc " + doc);
        }
        e[at] = (rel << 40) | ((long) kind << 36) | ((long) doc << 8) | step;
        return e;
    }

    /** An invoice a collector can chase on that day. */
    private static boolean chaseable(Doc d, int day) {
        return !d.creditNote && d.issue <= day && d.unpaidAt(day) && !d.inDisputeAt(day)
                && !d.writtenOffBy(day);
    }

    private void onStep(Doc d, DunningScenario.Step step, int day) {
        if (!chaseable(d, day) || (step.manual() && p.collectorId() == null)) {
            return;
        }
        actions.add(new PlannedAction(day, d, scenario.id(), step.number(), step.channel(),
                step.manual() ? p.collectorId() : null, day < d.due));
        if (step.channel().equals("CALL") && day > d.due) {
            invoicePromise(d, day, STEP_CALL_PROMISE);
        }
    }

    private void onAdHocCall(Doc d, int day) {
        if (!chaseable(d, day) || day <= d.due) {
            return;
        }
        actions.add(new PlannedAction(day, d, null, null, "CALL", p.collectorId(), false));
        invoicePromise(d, day, AD_HOC_CALL_PROMISE);
    }

    /** The monthly look at the account: a statement e-mail and, sometimes, a call. */
    private void onReview(int day) {
        List<Doc> overdue = new ArrayList<>();
        for (Doc d : docs) {
            if (chaseable(d, day) && d.due < day) {
                overdue.add(d);
            }
        }
        if (overdue.isEmpty()) {
            return;
        }
        if (scenario != null && Pick.chance(rng, STATEMENT_SHARE)) {
            actions.add(new PlannedAction(day, null, scenario.id(), null, "EMAIL", null, false));
        }
        double callShare = b.reviewCallShare() * (scenario == null ? 2 : 1);
        if (p.collectorId() != null && Pick.chance(rng, callShare)) {
            actions.add(new PlannedAction(day, null, null, null, "CALL", p.collectorId(), false));
            debtorPromise(day, overdue);
        }
    }

    private void invoicePromise(Doc d, int day, double chance) {
        if (!Pick.chance(rng, chance) || day <= lockedUntil || d.creditPendingAfter(day)
                || d.hasPayOn(day) || noPromisesOn(day)) {
            return;
        }
        long remaining = d.remainingAt(day);
        long amount = remaining <= 0 ? 0 : ctx.fx().promisable(remaining, d.currency, d.issue, day);
        if (amount <= 0) {
            return;
        }
        int promised = Days.nextBusinessDay(day + Pick.between(rng, 3, 21));
        if (Pick.chance(rng, PlantedTruths.keepRate(p.collectorId()))) {
            keep(d, day, promised, remaining);
        } else {
            breakPromise(List.of(d), d, day, promised);
        }
        lockedUntil = promised + GRACE;
        promises.add(new PlannedPromise(day, promised, d, amount, d.currency));
    }

    /** A promise on the whole account: what is overdue, all invoices together. */
    private void debtorPromise(int day, List<Doc> overdue) {
        if (!Pick.chance(rng, REVIEW_CALL_PROMISE) || day <= lockedUntil || noPromisesOn(day)) {
            return;
        }
        for (Doc d : docs) {
            if (d.hasPayOn(day)) {
                return;
            }
        }
        List<Doc> owed = new ArrayList<>();
        List<Long> remaining = new ArrayList<>();
        long amount = 0;
        for (Doc d : overdue) {
            long r = d.remainingAt(day);
            if (r > 0 && !d.creditPendingAfter(day)) {
                owed.add(d);
                remaining.add(r);
                amount += ctx.fx().promisable(r, d.currency, d.issue, day);
            }
        }
        if (owed.isEmpty() || amount <= 0) {
            return;
        }
        int promised = Days.nextBusinessDay(day + Pick.between(rng, 3, 21));
        if (Pick.chance(rng, PlantedTruths.keepRate(p.collectorId()))) {
            for (int i = 0; i < owed.size(); i++) {
                keep(owed.get(i), day, promised, remaining.get(i));
            }
        } else {
            List<Doc> invoices = docs.stream().filter(d -> !d.creditNote).toList();
            breakPromise(invoices, owed.get(0), day, promised);
        }
        lockedUntil = promised + GRACE;
        promises.add(new PlannedPromise(day, promised, null, amount, p.currency()));
    }

    /**
     * The drifting entity's customers give no promises from two months before the drift: a
     * promise would move their payments (see {@link PlantedTruths#DRIFTING_ENTITY}).
     */
    private boolean noPromisesOn(int day) {
        return p.entity().id().equals(PlantedTruths.DRIFTING_ENTITY)
                && day >= ctx.driftStart() - 60;
    }

    /** Kept: everything still owed is paid inside the window, in one payment. */
    private void keep(Doc d, int day, int promised, long remaining) {
        long planned = d.removePays(day, Integer.MAX_VALUE);
        d.addPay(Days.nextBusinessDay(Pick.between(rng, day + 1, promised)),
                Math.max(planned, remaining));
        if (d.writtenOff() != Days.NONE && d.writtenOff() > day) {
            d.writeOff(Days.NONE);
        }
    }

    /**
     * Broken: the payments that would have fallen inside the window come after it; sometimes
     * part of {@code partial}'s debt is paid inside the window all the same (never enough).
     */
    private void breakPromise(List<Doc> affected, Doc partial, int day, int promised) {
        int windowEnd = promised + GRACE;
        for (Doc d : affected) {
            long moved = d.removePays(day, windowEnd);
            if (moved > 0) {
                d.addPay(Days.nextBusinessDay(windowEnd + 1 + Pick.between(rng, 0, 25)), moved);
            }
        }
        if (!Pick.chance(rng, BROKEN_PARTIAL)) {
            return;
        }
        long owed = partial.remainingAt(day);
        long part = Math.round(owed * Pick.between(rng, 0.2, 0.6));
        if (part < 1 || part >= owed) {
            return;
        }
        Doc.Pay next = null;
        for (Doc.Pay pay : partial.pays()) {
            if (pay.day() > windowEnd) {
                next = pay;
                break;
            }
        }
        if (next != null) {
            // Paid earlier, not more: the part comes out of the next planned payment.
            part = Math.min(part, next.cents());
            partial.removePay(next);
            long rest = next.cents() - part;
            if (rest > 0) {
                partial.addPay(next.day(), rest);
            }
        }
        partial.addPay(Days.nextBusinessDay(Pick.between(rng, day + 1, promised)), part);
    }

    // ---- output ---------------------------------------------------------------------------

    private void emit() {
        String debtorId = p.debtorId();
        for (Doc d : docs) {
            out.invoice(new InvoiceRow(d.id, debtorId, d.creditNote ? "CREDIT_NOTE" : "INVOICE",
                    d.credited == null ? null : d.credited.id, Days.date(d.issue),
                    Days.date(d.due), BigDecimal.valueOf(d.cents, 2), d.currency,
                    Days.dateOrNull(d.writtenOff())));
        }
        for (Doc d : docs) {
            for (Doc.Pay pay : d.pays()) {
                if (pay.day() <= ctx.asOf()) {
                    out.payment(new PaymentRow(ids.nextPayment(), d.id, Days.date(pay.day()),
                            BigDecimal.valueOf(pay.cents(), 2), method()));
                }
            }
        }
        for (Doc d : docs) {
            if (d.disputeOpened != Days.NONE && d.disputeOpened <= ctx.asOf()) {
                out.dispute(new DisputeRow(ids.nextDispute(), d.id, Days.date(d.disputeOpened),
                        Days.dateOrNull(d.disputeResolvedDate), d.disputeCategory));
            }
        }
        for (PlannedAction a : actions) {
            out.action(new DunningActionRow(ids.nextAction(), debtorId,
                    a.doc() == null ? null : a.doc().id, a.scenarioId(), a.step(), a.channel(),
                    Days.date(a.day()), a.collectorId(), a.preventive()));
        }
        for (PlannedPromise pr : promises) {
            out.promise(new PaymentPromiseRow(ids.nextPromise(), debtorId,
                    pr.doc() == null ? null : pr.doc().id, p.collectorId(), Days.date(pr.created()),
                    Days.date(pr.promised()), BigDecimal.valueOf(pr.cents(), 2), pr.currency()));
        }
    }

    private String method() {
        return Pick.chance(rng, 0.8) ? p.mainMethod()
                : Segment.METHODS[Pick.weighted(rng, b.methodWeights())];
    }
}
