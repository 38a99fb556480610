package io.encours.samples.ledger;

/**
 * The effects planted in the data for the analytics to find. Each is large on purpose; the
 * measured magnitudes are in data-samples/README.md.
 */
public final class PlantedTruths {
    /**
     * 1. MICRO debtors on {@link DunningScenario#MICRO_SMS_ID} respond to the fast SMS plan:
     * fewer of their invoices are paid late or never, most on-time payments follow the
     * preventive SMS, and a late payment follows one of the first reminders within 1–2 days.
     */
    public static final double SMS_LATE_SHARE_FACTOR = 0.7;
    public static final double SMS_NEVER_PAID_FACTOR = 0.5;
    /** On-time payers of the SMS plan who pay 1–2 days after the preventive SMS. */
    public static final double SMS_PREVENTIVE_RESPONSE = 0.9;
    /** Chance that a late SMS-plan payment answers step 2, 3, … 7 of the plan. */
    public static final double[] SMS_RESPONSE_BY_LATE_STEP = {0.70, 0.15, 0.05, 0.05, 0.03, 0.02};

    /** 2. Promises obtained by this collector are kept far more often. */
    public static final String RELIABLE_COLLECTOR = "COL-003";
    public static final double RELIABLE_KEEP_RATE = 0.95;
    public static final double DEFAULT_KEEP_RATE = 0.65;

    /**
     * 3. The customers of this entity pay later and later over the last six months before T:
     * an invoice settled in the k-th of those months (k = 1..6) is settled
     * {@code DRIFT_BASE_DAYS + k × DRIFT_STEP_DAYS} (±3) days after its due date, and these
     * customers give no payment promises that could bring the payments forward.
     */
    public static final String DRIFTING_ENTITY = "ENT-03";
    public static final int DRIFT_MONTHS = 6;
    public static final int DRIFT_BASE_DAYS = 13;
    public static final int DRIFT_STEP_DAYS = 5;

    private PlantedTruths() {
    }

    public static double keepRate(String collectorId) {
        return RELIABLE_COLLECTOR.equals(collectorId) ? RELIABLE_KEEP_RATE : DEFAULT_KEEP_RATE;
    }
}
