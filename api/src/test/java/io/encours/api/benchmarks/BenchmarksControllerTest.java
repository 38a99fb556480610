package io.encours.api.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class BenchmarksControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/benchmarks";

    @Test
    void oursAgainstNational() throws Exception {
        as(CFO, URL).andExpect(status().isOk())
                .andExpect(jsonPath("$.metric").value("delay"))
                .andExpect(jsonPath("$.granularity").value("year"))
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].period").value("2024"))
                .andExpect(jsonPath("$.points[0].source").value("Altares"))
                .andExpect(jsonPath("$.points[0].ours").value(13.63))
                .andExpect(jsonPath("$.points[0].national").value(13.0))
                .andExpect(jsonPath("$.points[0].gapDays").value(0.63))
                .andExpect(jsonPath("$.points[0].cashAtStake").value(631.35))
                .andExpect(jsonPath("$.points[0].scope").value("France, all companies"))
                .andExpect(jsonPath("$.points[0].scopeType").value("ALL"))
                .andExpect(jsonPath("$.points[0].definition").value("def Altares"))
                .andExpect(jsonPath("$.points[1].source").value("Ellisphere"))
                .andExpect(jsonPath("$.points[1].cashAtStake").value(0.0));
        as(CFO, URL + "?granularity=quarter")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].period").value("2025-Q2"))
                .andExpect(jsonPath("$.points[0].cashAtStake").value(nullValue()));
        as(CFO, URL + "?metric=dso").andExpect(jsonPath("$.points[0].national").value(43.0))
                .andExpect(jsonPath("$.points[0].ours").value(62.85));
        as(CFO, URL + "?from=2025-01").andExpect(jsonPath("$.points.length()").value(0));
    }

    @Test
    void consolidationAndScopes() throws Exception {
        // ENT-01 + ENT-02: (1000 + 600) / (50 + 50) = 16; (16 − 13) × 300 000 / 365.
        as(CFO, URL + "?entity=ENT-01&entity=ENT-02")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].ours").value(16.0))
                .andExpect(jsonPath("$.points[0].gapDays").value(3.0))
                .andExpect(jsonPath("$.points[0].cashAtStake").value(2465.75));
        as(ENTITY_CFO, URL).andExpect(jsonPath("$.points[0].ours").value(20.0))
                .andExpect(jsonPath("$.points[0].cashAtStake").value(1917.81));
        expect403(ENTITY_CFO, URL + "?entity=ENT-02");
        expect403(COLLECTOR, URL);
        as(ANALYST, URL).andExpect(jsonPath("$.points.length()").value(2));
    }

    @Test
    void badParametersAndCsv() throws Exception {
        expect400(URL + "?metric=cei", "metric", "must be one of delay|dso");
        expect400(URL + "?granularity=month", "granularity", "must be one of year|quarter|half");
        assertThat(body(csv(CFO, URL + "?granularity=quarter"))).startsWith(
                "period,ours,national,source,scope,definition,cashAtStake,gapDays,scopeType,comparableSegment,"
                        + "ourDefinition,periodStart,periodEnd\r\n2025-Q2,16.10,14.10,Altares,\"France, all companies\"");
    }
}
