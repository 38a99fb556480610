package io.encours.api.scenarios;

import io.encours.api.web.Amount;
import io.encours.api.web.Days;
import io.encours.api.web.Rate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** One scenario (or one of its steps or channels) over the period ({@code /scenarios/effectiveness} rows). */
public record ScenarioEffectivenessRow(
        @Schema(description = "A scenario id, or MANUAL for actions outside any scenario") String scenarioId,
        String name,
        @Schema(description = "detail=step: the step (null for actions without step)") Integer step,
        @Schema(description = "detail=channel: the channel") String channel,
        @Schema(description = "Actions dated in the period") long actions,
        @Schema(description = "Payments attributed to those actions (whenever paid), EUR") @Amount BigDecimal attributedAmount,
        @Schema(description = "Actions with an attributed payment / actions; null without action") @Rate Double responseRate,
        @Schema(description = "Median days from an action to its first attributed payment (exact, from the "
                + "day histograms)") @Days Double medianDaysToPayment,
        @Schema(description = "Average delay of the invoices settled in the period whose debtor has the scenario "
                + "(MANUAL: none); null over a range of several months") @Days BigDecimal portfolioAverageDelayDays,
        @Schema(description = "Actions with at least one attributed payment") long respondingActions) {
}
