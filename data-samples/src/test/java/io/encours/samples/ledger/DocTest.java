package io.encours.samples.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Doc's settle date follows METRICS.md: payments and credits together, write-off cut. */
class DocTest {
    private static Doc invoice(long cents) {
        return new Doc(0, "INV-1", false, 100, 130, "EUR", cents, null);
    }

    @Test
    void settlesOnTheDayPaymentsReachTheAmount() {
        Doc d = invoice(1_000);
        d.addPay(150, 600);
        assertThat(d.settleDay()).isEqualTo(Days.NONE);
        assertThat(d.unpaidAt(200)).isTrue();
        d.addPay(140, 400);
        assertThat(d.settleDay()).isEqualTo(150);
        assertThat(d.unpaidAt(149)).isTrue();
        assertThat(d.unpaidAt(150)).isFalse();
        assertThat(d.remainingAt(145)).isEqualTo(600);
    }

    @Test
    void creditNotesCountOnTheirIssueDay() {
        Doc d = invoice(1_000);
        Doc credit = new Doc(1, "CN-2", true, 120, 120, "EUR", -300, d);
        d.credit = credit;
        d.addPay(110, 700);
        assertThat(d.settleDay()).isEqualTo(120);
        assertThat(d.creditPendingAfter(119)).isTrue();
        assertThat(d.remainingAt(119)).isEqualTo(300);
        assertThat(d.remainingAt(120)).isZero();
    }

    @Test
    void severalPaymentsOnOneDayCountTogether() {
        Doc d = invoice(1_000);
        d.addPay(150, 500);
        d.addPay(150, 500);
        assertThat(d.settleDay()).isEqualTo(150);
        assertThat(d.hasPayOn(150)).isTrue();
        assertThat(d.removePays(149, 150)).isEqualTo(1_000);
        assertThat(d.settleDay()).isEqualTo(Days.NONE);
    }

    @Test
    void settlingOnOrAfterTheWriteOffIsNoSettlement() {
        Doc d = invoice(1_000);
        d.addPay(300, 1_000);
        d.writeOff(300);
        assertThat(d.settleDay()).isEqualTo(Days.NONE);
        d.writeOff(301);
        assertThat(d.settleDay()).isEqualTo(300);
        assertThat(d.writtenOffBy(301)).isTrue();
    }

    @Test
    void disputesSuspendUntilTheyEnd() {
        Doc d = invoice(1_000);
        d.disputeOpened = 140;
        d.disputeEnds = 160;
        assertThat(d.inDisputeAt(139)).isFalse();
        assertThat(d.inDisputeAt(140)).isTrue();
        assertThat(d.inDisputeAt(160)).isFalse();
    }
}
