package io.encours.api.dso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class DsoControllerTest extends ApiSliceTest {

    @Test
    void servesThePublishedGroupSeriesRounded() throws Exception {
        as(CFO, "/api/v1/dso")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runId").value("20250701T060000Z"))
                .andExpect(jsonPath("$.snapshotDate").value("2025-06-30"))
                .andExpect(jsonPath("$.method").value("standard"))
                .andExpect(jsonPath("$.window").value(90))
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].period").value("2025-05"))
                .andExpect(jsonPath("$.points[0].periodEnd").value("2025-05-31"))
                .andExpect(jsonPath("$.points[1].dso").value(27.78))
                .andExpect(jsonPath("$.points[1].bestPossibleDso").value(11.25))
                .andExpect(jsonPath("$.points[1].averageDaysDelinquent").value(16.53))
                .andExpect(jsonPath("$.points[1].receivables").value(1234.57))
                .andExpect(jsonPath("$.points[1].sales").value(4000.00))
                .andExpect(jsonPath("$.points[1].capped").value(nullValue()));
        as(CFO, "/api/v1/dso?window=30")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].dso").value(37.04));
        as(CFO, "/api/v1/dso?from=2025-06&to=2025-06")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].period").value("2025-06"));
    }

    @Test
    void severalEntitiesAreConsolidatedFromTheComponents() throws Exception {
        // ENT-01 + ENT-02 in 2025-05: 900 × 90 / 1800 = 45 (ENT-02 alone has no sales: null).
        as(CFO, "/api/v1/dso?entity=ENT-01&entity=ENT-02")
                .andExpect(jsonPath("$.points[0].dso").value(45.0))
                .andExpect(jsonPath("$.points[0].bestPossibleDso").value(15.0))
                .andExpect(jsonPath("$.points[0].averageDaysDelinquent").value(30.0))
                .andExpect(jsonPath("$.points[0].receivables").value(900.0))
                .andExpect(jsonPath("$.points[1].dso").value(33.0));
        as(CFO, "/api/v1/dso?entity=ENT-02")
                .andExpect(jsonPath("$.points[0].dso").value(nullValue()))
                .andExpect(jsonPath("$.points[0].sales").value(0.0));
        expect400("/api/v1/dso?method=countback&entity=ENT-01,ENT-02", "entity",
                "countback DSO cannot be consolidated over several entities (ENT-01, ENT-02): ask for one entity");
    }

    @Test
    void countbackAndDebtor() throws Exception {
        as(CFO, "/api/v1/dso?method=COUNTBACK&window=365")
                .andExpect(jsonPath("$.method").value("countback"))
                .andExpect(jsonPath("$.window").value(nullValue()))
                .andExpect(jsonPath("$.points[1].dso").value(52.13))
                .andExpect(jsonPath("$.points[1].capped").value(false))
                .andExpect(jsonPath("$.points[1].sales").value(nullValue()));
        as(CFO, "/api/v1/dso?method=countback&entity=ENT-01")
                .andExpect(jsonPath("$.points[0].capped").value(true));
        as(CFO, "/api/v1/dso?debtor=D-001")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].dso").value(30.0))
                .andExpect(jsonPath("$.points[0].periodEnd").value("2025-06-30"));
        as(CFO, "/api/v1/dso?debtor=D-001&method=countback")
                .andExpect(jsonPath("$.points[0].dso").value(33.34));
        // Not listed: no receivable and no sales in the last year.
        as(CFO, "/api/v1/dso?debtor=D-003")
                .andExpect(jsonPath("$.points[0].dso").value(nullValue()))
                .andExpect(jsonPath("$.points[0].receivables").value(0.0));
        as(CFO, "/api/v1/dso?debtor=D-003&method=countback")
                .andExpect(jsonPath("$.points[0].dso").value(0.0));
        expect404(CFO, "/api/v1/dso?debtor=D-999");
        expect400("/api/v1/dso?debtor=D-001&entity=ENT-01", "debtor", "debtor cannot be combined");
    }

    @Test
    void scopes() throws Exception {
        as(ENTITY_CFO, "/api/v1/dso").andExpect(jsonPath("$.points[1].dso").value(30.0))
                .andExpect(jsonPath("$.points[1].receivables").value(700.0));
        expect403(ENTITY_CFO, "/api/v1/dso?entity=ENT-02");
        expect403(ENTITY_CFO, "/api/v1/dso?debtor=D-002");
        // A collector sees its portfolio: the (*, *, COL-01) cell, whatever it asks.
        as(COLLECTOR, "/api/v1/dso").andExpect(jsonPath("$.points[1].dso").value(25.0));
        as(COLLECTOR, "/api/v1/dso?entity=ENT-01&segment=MICRO")
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].receivables").value(150.0));
        expect403(COLLECTOR, "/api/v1/dso?collector=COL-02");
        expect403(COLLECTOR, "/api/v1/dso?collector=UNASSIGNED");
        expect403(COLLECTOR, "/api/v1/dso?debtor=D-003");
        as(COLLECTOR, "/api/v1/dso?debtor=D-001").andExpect(status().isOk());
        as(ANALYST, "/api/v1/dso").andExpect(jsonPath("$.points[1].dso").value(27.78));
        expect403(ANALYST, "/api/v1/dso?debtor=D-001");
        expect404(CFO, "/api/v1/dso?collector=COL-99");
        expect404(CFO, "/api/v1/dso?entity=ENT-99");
    }

    @Test
    void badParameters() throws Exception {
        expect400("/api/v1/dso?window=45", "window", "window must be one of 30|60|90|180|365 (days), got 45");
        expect400("/api/v1/dso?window=x", "window", "must be an integer");
        expect400("/api/v1/dso?method=median", "method", "must be one of standard|countback");
        expect400("/api/v1/dso?from=2025-13", "from", "must be a month YYYY-MM");
        expect400("/api/v1/dso?from=2025-06&to=2025-05", "from", "from (2025-06) is after to (2025-05)");
        expect400("/api/v1/dso?segment=BIG", "segment", "KEY_ACCOUNT|SME|MICRO|PUBLIC");
    }

    @Test
    void csv() throws Exception {
        String csv = body(csv(CFO, "/api/v1/dso?from=2025-06")
                .andExpect(status().isOk())
                .andExpect(header().string("Encours-Run-Id", "20250701T060000Z")));
        assertThat(csv).isEqualTo("period,periodEnd,dso,bestPossibleDso,averageDaysDelinquent,receivables,sales,capped\r\n"
                + "2025-06,2025-06-30,27.78,11.25,16.53,1234.57,4000.00,\r\n");
    }
}
