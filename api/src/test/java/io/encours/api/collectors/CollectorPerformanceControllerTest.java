package io.encours.api.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class CollectorPerformanceControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/collectors/performance";

    @Test
    void rowsOfAMonth() throws Exception {
        as(CFO, URL).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].collectorId").value("COL-01"))
                .andExpect(jsonPath("$.rows[0].name").value("Julie Martin"))
                .andExpect(jsonPath("$.rows[0].actions").value(12))
                .andExpect(jsonPath("$.rows[0].actionsByChannel.EMAIL").value(5))
                .andExpect(jsonPath("$.rows[0].actionsByChannel.CALL").value(4))
                .andExpect(jsonPath("$.rows[0].actionsByChannel.FORMAL_NOTICE").value(0))
                .andExpect(jsonPath("$.rows[0].attributedAmount").value(1234.57))
                .andExpect(jsonPath("$.rows[0].promisesCreated").value(3))
                .andExpect(jsonPath("$.rows[0].promisesKept").value(2))
                .andExpect(jsonPath("$.rows[0].promisesBroken").value(1))
                .andExpect(jsonPath("$.rows[0].promisesOpen").value(0))
                .andExpect(jsonPath("$.rows[0].keptRate").value(0.6667))
                .andExpect(jsonPath("$.rows[0].portfolioOverdue").value(400.01))
                .andExpect(jsonPath("$.rows[0].portfolioDso").value(25.13))
                .andExpect(jsonPath("$.rows[0].portfolioAverageDelayDays").value(7.33))
                .andExpect(jsonPath("$.rows[1].keptRate").value(nullValue()));
        as(CFO, URL + "?month=2025-05").andExpect(jsonPath("$.rows[0].actions").value(3));
        as(CFO, URL + "?month=2025-07").andExpect(jsonPath("$.rows[0].portfolioDso").value(nullValue()));
        as(CFO, URL + "?collector=COL-02").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].collectorId").value("COL-02"));
    }

    @Test
    void scopes() throws Exception {
        as(COLLECTOR, URL).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].collectorId").value("COL-01"));
        expect403(COLLECTOR, URL + "?collector=COL-02");
        expect403(ENTITY_CFO, URL);
        as(ANALYST, URL).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].name").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].actions").value(12));
    }

    @Test
    void badParametersAndCsv() throws Exception {
        expect400(URL + "?month=2025-08", "month",
                "month must be a month of the collectors' activity (2025-05 to 2025-07), got 2025-08");
        expect400(URL + "?month=June", "month", "must be a month YYYY-MM");
        expect404(CFO, URL + "?collector=COL-77");
        assertThat(body(csv(CFO, URL + "?collector=COL-02"))).isEqualTo("collectorId,name,actions,actionsByChannel,"
                + "attributedAmount,promisesCreated,promisesKept,promisesBroken,promisesOpen,keptRate,portfolioOverdue,"
                + "portfolioDso,portfolioAverageDelayDays,promisesDue\r\n"
                + "COL-02,Marc Petit,4,\"{\"\"EMAIL\"\":0,\"\"SMS\"\":0,\"\"CALL\"\":2,\"\"LETTER\"\":0,"
                + "\"\"REGISTERED_LETTER\"\":1,\"\"FORMAL_NOTICE\"\":1}\",0.00,1,0,0,1,,300.00,61.50,12.00,1\r\n");
    }
}
