package io.encours.samples.ledger;

/**
 * The four customer segments of the contract, each with its payment behaviour. The figures
 * were tuned by measurement (see data-samples/README.md) so that the amount-weighted average
 * delay of the whole ledger lands near the French national figure (12–15 days), with key
 * accounts and public buyers slower than SMEs and micro-businesses the least reliable.
 */
public enum Segment {
    KEY_ACCOUNT(new Behaviour(0.04, 10.0, 15_000, 1.0, 0.45, 3, 25, 0.004, 0.05, 0.10, 0.003, 74,
            new int[] {30, 45, 60}, new double[] {0.15, 0.35, 0.50}, 0.35,
            new double[] {0.90, 0.04, 0.0, 0.04, 0.02})),
    PUBLIC(new Behaviour(0.08, 3.0, 6_000, 0.9, 0.32, 2, 28, 0.001, 0.03, 0.05, 0.0, 85,
            new int[] {30, 45, 60}, new double[] {0.70, 0.20, 0.10}, 0.20,
            new double[] {0.97, 0.0, 0.0, 0.0, 0.03})),
    SME(new Behaviour(0.48, 1.0, 2_000, 0.9, 0.58, 4, 19, 0.012, 0.025, 0.08, 0.012, 60,
            new int[] {30, 45, 60}, new double[] {0.40, 0.35, 0.25}, 0.15,
            new double[] {0.60, 0.18, 0.05, 0.14, 0.03})),
    MICRO(new Behaviour(0.40, 0.45, 450, 0.8, 0.50, 3, 24, 0.05, 0.015, 0.06, 0.03, 48,
            new int[] {30, 45, 60}, new double[] {0.60, 0.30, 0.10}, 0.10,
            new double[] {0.45, 0.10, 0.15, 0.25, 0.05}));

    /** Payment methods in the order of {@link Behaviour#methodWeights()}. */
    public static final String[] METHODS = {"TRANSFER", "DIRECT_DEBIT", "CARD", "CHECK", "OTHER"};

    /**
     * @param share share of debtors in the segment
     * @param activity relative number of invoices per debtor
     * @param medianAmountEur median invoice amount, tax included
     * @param amountSigma log-normal spread of invoice amounts
     * @param onTimeShare share of invoices paid on or before the due date (before the
     *     debtor's own reliability is applied)
     * @param earlyMeanDays mean days paid before the due date, when paid on time
     * @param lateMeanDays mean days beyond the due date, when paid late
     * @param neverPaidShare share of invoices never paid (before the debtor's risk)
     * @param disputeShare share of invoices disputed
     * @param instalmentShare share of paid invoices settled in 2–3 instalments
     * @param insolvencyShare share of debtors entering collective proceedings
     * @param meanScore mean credit score
     * @param terms payment terms in days
     * @param termWeights their shares
     * @param reviewCallShare chance that a monthly account review leads to a call
     * @param methodWeights shares of {@link #METHODS}
     */
    public record Behaviour(double share, double activity, double medianAmountEur,
            double amountSigma, double onTimeShare, double earlyMeanDays, double lateMeanDays,
            double neverPaidShare, double disputeShare, double instalmentShare,
            double insolvencyShare, int meanScore, int[] terms, double[] termWeights,
            double reviewCallShare, double[] methodWeights) {
    }

    private final Behaviour behaviour;

    Segment(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    public Behaviour behaviour() {
        return behaviour;
    }
}
