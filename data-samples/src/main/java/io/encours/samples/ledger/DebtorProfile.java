package io.encours.samples.ledger;

import static java.util.Objects.requireNonNull;

import io.encours.samples.rows.DebtorRow;
import java.math.BigDecimal;

/**
 * Everything fixed about one debtor: its contract attributes and the hidden traits that drive
 * its payment behaviour.
 *
 * @param index position among the debtors, from 0
 * @param collectorId null = unassigned
 * @param scenario null = no dunning scenario (only ad-hoc actions)
 * @param creditScore null = not rated
 * @param creditLimitCents in EUR cents; null = none recorded
 * @param insolvencyDay the day collective proceedings opened, or {@link Days#NONE}
 * @param termsDays payment terms
 * @param mainMethod the payment method used for most payments
 * @param lateMultiplier scales how often and how late it pays late (1 = its segment's norm)
 * @param amountScale scales its invoice amounts
 * @param activeFrom first day it may be invoiced
 * @param activeTo last day it may be invoiced
 * @param activityWeight its relative share of the invoices
 */
public record DebtorProfile(
        int index,
        String debtorId,
        GroupEntity entity,
        String name,
        Segment segment,
        String sector,
        String country,
        String currency,
        String collectorId,
        DunningScenario scenario,
        Integer creditScore,
        Long creditLimitCents,
        int insolvencyDay,
        int termsDays,
        String mainMethod,
        double lateMultiplier,
        double amountScale,
        int activeFrom,
        int activeTo,
        double activityWeight) {
    public DebtorProfile {
        requireNonNull(debtorId, "debtorId");
        requireNonNull(entity, "entity");
        requireNonNull(name, "name");
        requireNonNull(segment, "segment");
        requireNonNull(country, "country");
        requireNonNull(currency, "currency");
        requireNonNull(mainMethod, "mainMethod");
    }

    public boolean insolvent() {
        return insolvencyDay != Days.NONE;
    }

    public DebtorRow row() {
        return new DebtorRow(debtorId, entity.id(), name, segment.name(), sector, country,
                collectorId, scenario == null ? null : scenario.id(), creditScore,
                creditLimitCents == null ? null : BigDecimal.valueOf(creditLimitCents, 2),
                insolvent());
    }
}
