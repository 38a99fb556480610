package io.encours.samples.ledger;

import java.util.SplittableRandom;

/** Weighted and uniform choices. */
final class Pick {
    private Pick() {
    }

    /** Index drawn with probability proportional to its weight. */
    static int weighted(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <T> T one(SplittableRandom rng, T[] values) {
        return values[rng.nextInt(values.length)];
    }

    /** Uniform integer in [from, to], both included. */
    static int between(SplittableRandom rng, int from, int to) {
        return from + rng.nextInt(to - from + 1);
    }

    static double between(SplittableRandom rng, double from, double to) {
        return from + rng.nextDouble() * (to - from);
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }
}
