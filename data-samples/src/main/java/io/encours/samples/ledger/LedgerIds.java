package io.encours.samples.ledger;

/**
 * Numbers the rows whose count is only known as they are made (payments, actions, promises,
 * disputes). Debtors are processed in order, so the numbers are the same on every run.
 * Fixed widths make the ids sort as their numbers do (attribution ties compare action ids as
 * strings).
 */
public final class LedgerIds {
    private long payments;
    private long actions;
    private long promises;
    private long disputes;

    String nextPayment() {
        return "PAY-" + ProfileFactory.pad(++payments, 10);
    }

    String nextAction() {
        return "ACT-" + ProfileFactory.pad(++actions, 10);
    }

    String nextPromise() {
        return "PRM-" + ProfileFactory.pad(++promises, 9);
    }

    String nextDispute() {
        return "DSP-" + ProfileFactory.pad(++disputes, 9);
    }
}
