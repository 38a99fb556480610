package io.encours.samples.ledger;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws debtor profiles. A profile is a pure function of (seed, index): it can be drawn again
 * at will, so the generator never keeps the debtors in memory.
 */
public final class ProfileFactory {
    private static final Segment[] SEGMENTS = Segment.values();
    private static final double[] SEGMENT_SHARES =
            java.util.Arrays.stream(SEGMENTS).mapToDouble(s -> s.behaviour().share()).toArray();
    private static final double[] ENTITY_SHARES =
            GroupEntity.ALL.stream().mapToDouble(GroupEntity::debtorShare).toArray();
    /** NAF rev.2 sections A..U: shares of private-sector customers. */
    private static final double[] SECTOR_WEIGHTS = {2, 0.3, 12, 0.5, 1, 14, 22, 7, 6, 5, 2, 3, 9,
        7, 0, 1, 5, 1.5, 3, 0.1, 0.05};
    /** Customers outside the euro area, and the currency they are invoiced in. */
    private static final String[] FOREIGN = {"GB", "US", "CH"};
    private static final String[] FOREIGN_CURRENCY = {"GBP", "USD", "CHF"};
    private static final double[] FOREIGN_WEIGHTS = {0.5, 0.3, 0.2};
    private static final double FOREIGN_SHARE = 0.135;
    private static final double NEIGHBOUR_SHARE = 0.04;
    private static final double UNASSIGNED_SHARE = 0.05;
    private static final double UNRATED_SHARE = 0.08;

    private final long seed;
    private final int windowStart;
    private final int asOf;
    private final int collectors;
    private final int idWidth;
    private final Seasonality seasonality;

    public ProfileFactory(long seed, int windowStart, int asOf, int debtors,
            Seasonality seasonality) {
        this.seed = seed;
        this.windowStart = windowStart;
        this.asOf = asOf;
        this.collectors = Collectors.count(debtors);
        this.idWidth = Math.max(6, Integer.toString(debtors).length());
        this.seasonality = seasonality;
    }

    public DebtorProfile profile(int index) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.Purpose.DEBTOR_PROFILE, index);
        GroupEntity entity = GroupEntity.ALL.get(Pick.weighted(rng, ENTITY_SHARES));
        Segment segment = SEGMENTS[Pick.weighted(rng, SEGMENT_SHARES)];
        Segment.Behaviour b = segment.behaviour();

        String country = entity.country();
        String currency = "EUR";
        if (segment != Segment.PUBLIC) {
            double u = rng.nextDouble();
            if (u < FOREIGN_SHARE) {
                int f = Pick.weighted(rng, FOREIGN_WEIGHTS);
                country = FOREIGN[f];
                // A few foreign customers are invoiced in euros all the same.
                currency = Pick.chance(rng, 0.9) ? FOREIGN_CURRENCY[f] : "EUR";
            } else if (u < FOREIGN_SHARE + NEIGHBOUR_SHARE) {
                List<String> neighbours = entity.neighbours();
                country = neighbours.get(rng.nextInt(neighbours.size()));
            }
        }
        String name = Names.company(rng, country, segment);
        String sector = sector(rng, segment);
        String collectorId = Pick.chance(rng, UNASSIGNED_SHARE) ? null
                : Collectors.id(rng.nextInt(collectors));
        DunningScenario scenario = scenario(rng, segment);

        boolean insolvent = Pick.chance(rng, b.insolvencyShare());
        Integer score;
        if (insolvent) {
            score = Pick.between(rng, 2, 25);
        } else if (Pick.chance(rng, UNRATED_SHARE)) {
            score = null;
        } else {
            score = (int) Math.max(1, Math.min(100,
                    Math.round(b.meanScore() + 16 * rng.nextGaussian())));
        }
        int terms = b.terms()[Pick.weighted(rng, b.termWeights())];
        String method = Segment.METHODS[Pick.weighted(rng, b.methodWeights())];
        // Poorly rated debtors pay late more often and later; the rest is personal.
        double scoreFactor = score == null ? 1.1 : 0.7 + 0.6 * (100 - score) / 100.0;
        double lateMultiplier = Math.exp(0.35 * rng.nextGaussian()) * scoreFactor;
        double amountScale = Math.exp(0.5 * rng.nextGaussian());

        int span = asOf - windowStart;
        int activeFrom = windowStart;
        int activeTo = asOf;
        double relation = rng.nextDouble();
        if (relation < 0.12) {
            activeFrom = windowStart + rng.nextInt(Math.max(1, span * 4 / 5));
        } else if (relation < 0.20) {
            activeTo = asOf - 30 - rng.nextInt(Math.max(1, span * 3 / 5));
            activeTo = Math.max(activeTo, windowStart);
        }
        int insolvencyDay = Days.NONE;
        if (insolvent) {
            insolvencyDay = Days.nextBusinessDay(
                    Pick.between(rng, windowStart + Math.min(120, span / 2), Math.max(
                            windowStart + Math.min(120, span / 2), asOf - 20)));
            activeTo = Math.max(activeFrom, Math.min(activeTo, insolvencyDay));
        }
        double activityWeight = b.activity() * Math.exp(0.6 * rng.nextGaussian())
                * seasonality.weight(activeFrom, activeTo);
        Long creditLimit = Pick.chance(rng, 0.08) ? null
                : Math.max(1, Math.round(b.medianAmountEur() * amountScale * b.activity()
                        * Pick.between(rng, 1.5, 4.0) / 1000.0)) * 100_000L;

        String debtorId = "CLI-" + pad(index + 1, idWidth);
        return new DebtorProfile(index, debtorId, entity, name, segment, sector, country,
                currency, collectorId, scenario, score, creditLimit, insolvencyDay, terms, method,
                lateMultiplier, amountScale, activeFrom, activeTo, activityWeight);
    }

    private static String sector(SplittableRandom rng, Segment segment) {
        if (Pick.chance(rng, 0.03)) {
            return null;
        }
        if (segment == Segment.PUBLIC) {
            double u = rng.nextDouble();
            return u < 0.70 ? "O" : u < 0.85 ? "P" : "Q";
        }
        return String.valueOf((char) ('A' + Pick.weighted(rng, SECTOR_WEIGHTS)));
    }

    private static DunningScenario scenario(SplittableRandom rng, Segment segment) {
        double u = rng.nextDouble();
        String id = switch (segment) {
            case KEY_ACCOUNT -> u < 0.92 ? "SC-KEY-ACCOUNT" : null;
            case PUBLIC -> u < 0.95 ? "SC-PUBLIC" : null;
            case SME -> u < 0.88 ? "SC-SME-STANDARD" : null;
            case MICRO -> u < 0.36 ? DunningScenario.MICRO_SMS_ID
                    : u < 0.80 ? "SC-MICRO-LETTER"
                    : u < 0.90 ? "SC-SME-STANDARD" : null;
        };
        return id == null ? null : DunningScenario.byId(id);
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
