package io.encours.api.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class ScenarioEffectivenessControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/scenarios/effectiveness";

    @Test
    void wholeHistoryAsPublished() throws Exception {
        as(CFO, URL).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].scenarioId").value("MANUAL"))
                .andExpect(jsonPath("$.rows[0].medianDaysToPayment").value(0.0))
                .andExpect(jsonPath("$.rows[1].scenarioId").value("SC-1"))
                .andExpect(jsonPath("$.rows[1].name").value("Relance standard"))
                .andExpect(jsonPath("$.rows[1].step").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].actions").value(15))
                .andExpect(jsonPath("$.rows[1].attributedAmount").value(1500.01))
                .andExpect(jsonPath("$.rows[1].responseRate").value(0.4667))
                .andExpect(jsonPath("$.rows[1].medianDaysToPayment").value(2.0))
                .andExpect(jsonPath("$.rows[1].portfolioAverageDelayDays").value(15.0));
        as(CFO, URL + "?detail=step")
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].step").value(1))
                .andExpect(jsonPath("$.rows[1].step").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].medianDaysToPayment").value(3.0));
        as(CFO, URL + "?detail=channel")
                .andExpect(jsonPath("$.rows[0].channel").value("EMAIL"));
        as(CFO, URL + "?scenario=MANUAL").andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void monthRangesSumAndTakeTheExactMedianOfTheHistograms() throws Exception {
        // 2025-05 + 2025-06: histogram [1, 1, 4, 1] → median 2 (the published ALL row agrees).
        as(CFO, URL + "?from=2025-05&to=2025-06")
                .andExpect(jsonPath("$.rows[1].actions").value(15))
                .andExpect(jsonPath("$.rows[1].respondingActions").value(7))
                .andExpect(jsonPath("$.rows[1].attributedAmount").value(1500.01))
                .andExpect(jsonPath("$.rows[1].responseRate").value(0.4667))
                .andExpect(jsonPath("$.rows[1].medianDaysToPayment").value(2.0))
                .andExpect(jsonPath("$.rows[1].portfolioAverageDelayDays").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].responseRate").value(1.0));
        // One month: an even count [1, 1, 1, 1] → (1 + 2) / 2; the month's portfolio delay.
        as(CFO, URL + "?from=2025-05&to=2025-05")
                .andExpect(jsonPath("$.rows[0].scenarioId").value("MANUAL"))
                .andExpect(jsonPath("$.rows[0].responseRate").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].medianDaysToPayment").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].medianDaysToPayment").value(1.5))
                .andExpect(jsonPath("$.rows[1].portfolioAverageDelayDays").value(12.5));
        // Steps over both months: step 1 [1, 1, 4, 0] → 2; no-step [0, 0, 0, 1] → 3.
        as(CFO, URL + "?detail=step&from=2025-01")
                .andExpect(jsonPath("$.rows[0].step").value(1))
                .andExpect(jsonPath("$.rows[0].actions").value(11))
                .andExpect(jsonPath("$.rows[0].medianDaysToPayment").value(2.0))
                .andExpect(jsonPath("$.rows[1].step").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].medianDaysToPayment").value(3.0));
        as(CFO, URL + "?to=2025-04").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void scopesBadParametersAndCsv() throws Exception {
        as(ANALYST, URL).andExpect(status().isOk());
        expect403(ENTITY_CFO, URL);
        expect403(COLLECTOR, URL);
        expect400(URL + "?detail=month", "detail", "must be one of none|step|channel");
        expect400(URL + "?from=2025-06&to=2025-05", "from", "is after to");
        expect400(URL + "?size=0", "size", "size must be between 1 and 1000");
        expect404(CFO, URL + "?scenario=SC-404");
        assertThat(body(csv(CFO, URL + "?scenario=SC-1&detail=channel"))).isEqualTo("scenarioId,name,step,channel,"
                + "actions,attributedAmount,responseRate,medianDaysToPayment,portfolioAverageDelayDays,respondingActions\r\n"
                + "SC-1,Relance standard,,EMAIL,10,1000.01,0.4000,1.50,15.00,4\r\n");
    }
}
