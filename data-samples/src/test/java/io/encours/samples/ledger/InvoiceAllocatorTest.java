package io.encours.samples.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InvoiceAllocatorTest {
    @Test
    void countsAddUpExactlyAndNumberingIsContiguous() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] weights = new double[10_007];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = rng.nextDouble() < 0.1 ? 0 : Math.exp(2 * rng.nextGaussian());
        }
        for (long total : new long[] {0, 1, 9_999, 5_000_003}) {
            InvoiceAllocator a = new InvoiceAllocator(weights, total);
            long sum = 0;
            for (int i = 0; i < weights.length; i++) {
                assertThat(a.count(i)).isNotNegative();
                assertThat(a.firstDocument(i)).isEqualTo(sum);
                sum += a.count(i);
                if (weights[i] == 0 && i < weights.length - 1) {
                    assertThat(a.count(i)).isZero();
                }
            }
            assertThat(sum).isEqualTo(total);
        }
    }

    @Test
    void countsFollowTheWeights() {
        InvoiceAllocator a = new InvoiceAllocator(new double[] {1, 3, 6}, 1_000);
        assertThat(a.count(0)).isEqualTo(100);
        assertThat(a.count(1)).isEqualTo(300);
        assertThat(a.count(2)).isEqualTo(600);
    }
}
