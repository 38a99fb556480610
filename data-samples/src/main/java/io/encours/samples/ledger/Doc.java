package io.encours.samples.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The working state of one document (invoice or credit note) while its debtor's ledger is
 * simulated: its fixed attributes, its planned payments (including those after T, which are
 * not written but say the invoice is still unpaid at T), its credit note and its dispute.
 */
final class Doc {
    /** A planned payment, in cents of the document's currency. */
    record Pay(int day, long cents) {
    }

    final int index;
    final String id;
    final boolean creditNote;
    final int issue;
    final int due;
    final String currency;
    /** Signed, in cents of the currency: > 0 for an invoice, < 0 for a credit note. */
    final long cents;
    /** For a credit note: the invoice it credits (null = stand-alone). */
    final Doc credited;
    /** For an invoice: the credit note against it, if any. */
    Doc credit;
    private int writtenOff = Days.NONE;
    int disputeOpened = Days.NONE;
    /** When the dispute really ends (may be after T); MAX_VALUE = not within the horizon. */
    int disputeEnds = Integer.MAX_VALUE;
    /** The resolved_date written in the data (null-able: NONE). */
    int disputeResolvedDate = Days.NONE;
    String disputeCategory;
    private final List<Pay> pays = new ArrayList<>(2);
    private int settle;
    private boolean settleKnown;

    Doc(int index, String id, boolean creditNote, int issue, int due, String currency,
            long cents, Doc credited) {
        this.index = index;
        this.id = id;
        this.creditNote = creditNote;
        this.issue = issue;
        this.due = due;
        this.currency = currency;
        this.cents = cents;
        this.credited = credited;
    }

    List<Pay> pays() {
        return pays;
    }

    void addPay(int day, long amount) {
        int at = pays.size();
        while (at > 0 && pays.get(at - 1).day() > day) {
            at--;
        }
        pays.add(at, new Pay(day, amount));
        settleKnown = false;
    }

    /** Removes the payments dated in (after, through] and returns their sum. */
    long removePays(int after, int through) {
        long sum = 0;
        for (int i = pays.size() - 1; i >= 0; i--) {
            Pay p = pays.get(i);
            if (p.day() > after && p.day() <= through) {
                sum += p.cents();
                pays.remove(i);
            }
        }
        settleKnown = false;
        return sum;
    }

    void removePay(Pay pay) {
        pays.remove(pay);
        settleKnown = false;
    }

    boolean hasPayOn(int day) {
        for (Pay p : pays) {
            if (p.day() == day) {
                return true;
            }
        }
        return false;
    }

    int writtenOff() {
        return writtenOff;
    }

    /** Declares it irrecoverable on {@code day} ({@link Days#NONE}: not written off). */
    void writeOff(int day) {
        writtenOff = day;
        settleKnown = false;
    }

    long creditCents() {
        return credit == null ? 0 : -credit.cents;
    }

    /** What is still owed at the end of {@code day}, ignoring write-offs. */
    long remainingAt(int day) {
        long left = cents;
        for (Pay p : pays) {
            if (p.day() <= day) {
                left -= p.cents();
            }
        }
        if (credit != null && credit.issue <= day) {
            left += credit.cents;
        }
        return left;
    }

    /**
     * METRICS.md's settle date: the first day the payments and credits reach the amount,
     * {@link Days#NONE} if never or not strictly before the write-off.
     */
    int settleDay() {
        if (!settleKnown) {
            settle = computeSettle();
            settleKnown = true;
        }
        return settle;
    }

    private int computeSettle() {
        long applied = 0;
        int creditDay = credit == null ? Integer.MAX_VALUE : credit.issue;
        boolean creditCounted = false;
        int found = Days.NONE;
        for (int i = 0; i <= pays.size(); i++) {
            int day = i < pays.size() ? pays.get(i).day() : Integer.MAX_VALUE;
            if (!creditCounted && creditDay <= day) {
                applied += creditCents();
                creditCounted = true;
                if (applied >= cents) {
                    found = creditDay;
                    break;
                }
            }
            if (i == pays.size()) {
                break;
            }
            applied += pays.get(i).cents();
            // Several payments on one day count together.
            if (applied >= cents && (i + 1 == pays.size() || pays.get(i + 1).day() != day)) {
                found = day;
                break;
            }
        }
        if (found != Days.NONE && writtenOff != Days.NONE && found >= writtenOff) {
            return Days.NONE;
        }
        return found;
    }

    /**
     * Still unsettled at the end of {@code day}. A reminder is sent on a day only when this
     * holds, so no payment is ever made on the very day of a reminder it did not cause.
     */
    boolean unpaidAt(int day) {
        int s = settleDay();
        return s == Days.NONE || s > day;
    }

    boolean inDisputeAt(int day) {
        return disputeOpened != Days.NONE && disputeOpened <= day && day < disputeEnds;
    }

    boolean writtenOffBy(int day) {
        return writtenOff != Days.NONE && writtenOff <= day;
    }

    /** A credit note against this invoice issued after {@code day}. */
    boolean creditPendingAfter(int day) {
        return credit != null && credit.issue > day;
    }
}
