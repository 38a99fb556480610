package io.encours.samples.ledger;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the run's seed. Every stream is a function of
 * (seed, purpose, index) only, so what one debtor draws never depends on what another drew:
 * the output does not depend on processing order or on shared random state.
 */
public final class Seeds {
    /** The purpose of a stream; the salt keeps streams of different purposes apart. */
    public enum Purpose {
        DEBTOR_PROFILE(0x1L),
        DEBTOR_LEDGER(0x2L),
        COLLECTORS(0x3L),
        FX(0x4L),
        DIRTY(0x5L),
        RESERVOIR(0x6L);

        private final long salt;

        Purpose(long salt) {
            this.salt = salt;
        }
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    public static SplittableRandom stream(long seed, Purpose purpose, long index) {
        return new SplittableRandom(mix(mix(seed ^ (purpose.salt * GOLDEN)) + index * GOLDEN));
    }

    /** SplitMix64's finaliser: a bijective, well-mixing scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
