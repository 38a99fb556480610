package io.encours.samples.ledger;

/**
 * Splits exactly {@code total} documents among the debtors in proportion to their activity
 * weights. Debtor i gets F(i) − F(i−1) documents with F(i) = ⌊total × (w₀+…+wᵢ) / Σw⌋ (and
 * F(last) = total), so the counts always add up to the total, and the documents of debtor i
 * are numbered from F(i−1): both are known for any debtor without generating the others.
 */
public final class InvoiceAllocator {
    private final double[] cumulative;
    private final long total;

    public InvoiceAllocator(double[] weights, long total) {
        if (weights.length == 0 && total > 0) {
            throw new IllegalArgumentException("no debtor to invoice");
        }
        this.total = total;
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("bad weight " + weights[i] + " at " + i);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0 && total > 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
    }

    /** Documents allocated to debtors 0..index. */
    public long through(int index) {
        if (index < 0) {
            return 0;
        }
        if (index == cumulative.length - 1) {
            return total;
        }
        double share = cumulative[index] / cumulative[cumulative.length - 1];
        return Math.min(total, (long) Math.floor(total * share));
    }

    public int count(int index) {
        return Math.toIntExact(through(index) - through(index - 1));
    }

    /** Number of the debtor's first document, from 0. */
    public long firstDocument(int index) {
        return through(index - 1);
    }
}
