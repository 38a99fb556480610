package io.encours.api.delays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class DelaysControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/delays";

    @Test
    void monthsAndQuarters() throws Exception {
        as(CFO, URL).andExpect(status().isOk())
                .andExpect(jsonPath("$.granularity").value("month"))
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].period").value("2025-05"))
                .andExpect(jsonPath("$.points[0].averageDelayDays").value(12.35))
                .andExpect(jsonPath("$.points[0].averageDelayDaysByCount").value(5.0))
                .andExpect(jsonPath("$.points[0].shareLate").value(0.4))
                .andExpect(jsonPath("$.points[0].invoicesSettled").value(10))
                .andExpect(jsonPath("$.points[0].amountSettled").value(1000.0))
                .andExpect(jsonPath("$.points[1].shareLate").value(0.3333));
        as(CFO, URL + "?granularity=quarter")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].period").value("2025-Q2"))
                .andExpect(jsonPath("$.points[0].averageDelayDays").value(10.04));
        // A quarter is kept when it overlaps the months asked.
        as(CFO, URL + "?granularity=quarter&from=2025-06").andExpect(jsonPath("$.points.length()").value(1));
        as(CFO, URL + "?granularity=quarter&to=2025-03").andExpect(jsonPath("$.points.length()").value(0));
        as(CFO, URL + "?to=2025-05").andExpect(jsonPath("$.points.length()").value(1));
    }

    @Test
    void consolidationAndScopes() throws Exception {
        as(CFO, URL + "?entity=ENT-01&entity=ENT-02")
                .andExpect(jsonPath("$.points[0].averageDelayDays").value(12.35))
                .andExpect(jsonPath("$.points[0].shareLate").value(0.4))
                .andExpect(jsonPath("$.points[1].averageDelayDays").value(2.33))
                .andExpect(jsonPath("$.points[1].invoicesSettled").value(3));
        as(ENTITY_CFO, URL)
                .andExpect(jsonPath("$.points[0].averageDelayDays").value(15.0))
                .andExpect(jsonPath("$.points[1].averageDelayDays").value(nullValue()));
        expect403(ENTITY_CFO, URL + "?entity=ENT-03");
        as(COLLECTOR, URL).andExpect(jsonPath("$.points[1].averageDelayDays").value(7.0));
        expect403(COLLECTOR, URL + "?collector=COL-02");
        as(ANALYST, URL).andExpect(status().isOk());
    }

    @Test
    void badParametersAndCsv() throws Exception {
        expect400(URL + "?granularity=week", "granularity", "must be one of month|quarter");
        expect400(URL + "?from=2025-06&to=2025-01", "from", "is after to");
        expect400(URL + "?to=06-2025", "to", "must be a month YYYY-MM");
        assertThat(body(csv(CFO, URL + "?from=2025-06"))).isEqualTo(
                "period,averageDelayDays,averageDelayDaysByCount,shareLate,invoicesSettled,amountSettled\r\n"
                        + "2025-06,2.33,2.33,0.3333,3,300.00\r\n");
    }
}
