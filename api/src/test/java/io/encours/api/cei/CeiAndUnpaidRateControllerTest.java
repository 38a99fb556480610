package io.encours.api.cei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

/** /cei and /unpaid-rate: two small series over the cube tables. */
class CeiAndUnpaidRateControllerTest extends ApiSliceTest {

    @Test
    void cei() throws Exception {
        as(CFO, "/api/v1/cei").andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].period").value("2025-05"))
                .andExpect(jsonPath("$.points[0].cei").value(80.0))
                .andExpect(jsonPath("$.points[1].cei").value(62.56))
                .andExpect(jsonPath("$.points[1].collected").value(625.63));
        as(CFO, "/api/v1/cei?entity=ENT-01&entity=ENT-02")
                .andExpect(jsonPath("$.points[0].cei").value(80.0))
                .andExpect(jsonPath("$.points[1].cei").value(66.67));
        as(ENTITY_CFO, "/api/v1/cei").andExpect(jsonPath("$.points[0].cei").value(83.33))
                .andExpect(jsonPath("$.points[1].cei").value(nullValue()));
        as(COLLECTOR, "/api/v1/cei?from=2025-06").andExpect(jsonPath("$.points[0].cei").value(50.0));
        as(ANALYST, "/api/v1/cei").andExpect(status().isOk());
        expect403(ENTITY_CFO, "/api/v1/cei?entity=ENT-02");
        expect403(COLLECTOR, "/api/v1/cei?collector=COL-02");
        expect400("/api/v1/cei?from=2025-07&to=2025-06", "from", "is after to");
        assertThat(body(csv(CFO, "/api/v1/cei?to=2025-05")))
                .isEqualTo("period,cei,collected,collectible\r\n2025-05,80.00,800.00,1000.00\r\n");
    }

    @Test
    void unpaidRate() throws Exception {
        as(CFO, "/api/v1/unpaid-rate").andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(3))
                .andExpect(jsonPath("$.points[0].period").value("2025-03"))
                .andExpect(jsonPath("$.points[0].unpaidRate").value(0.0123))
                .andExpect(jsonPath("$.points[0].amountDue").value(1000.0))
                .andExpect(jsonPath("$.points[0].amountUnpaid").value(12.35))
                .andExpect(jsonPath("$.points[0].final").value(true))
                .andExpect(jsonPath("$.points[0].finalOn").value("2025-06-29"))
                .andExpect(jsonPath("$.points[1].final").value(false))
                .andExpect(jsonPath("$.points[2].period").value("2025-07"));
        as(CFO, "/api/v1/unpaid-rate?entity=ENT-01,ENT-02")
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].unpaidRate").value(0.0123))
                .andExpect(jsonPath("$.points[1].unpaidRate").value(0.5));
        as(ENTITY_CFO, "/api/v1/unpaid-rate").andExpect(jsonPath("$.points[0].unpaidRate").value(0.0206))
                .andExpect(jsonPath("$.points[1].unpaidRate").value(nullValue()));
        as(COLLECTOR, "/api/v1/unpaid-rate").andExpect(jsonPath("$.points[0].unpaidRate").value(0.5));
        expect403(COLLECTOR, "/api/v1/unpaid-rate?collector=COL-02");
        expect400("/api/v1/unpaid-rate?segment=TINY", "segment", "KEY_ACCOUNT|SME|MICRO|PUBLIC");
        assertThat(body(csv(CFO, "/api/v1/unpaid-rate?from=2025-07")))
                .isEqualTo("period,unpaidRate,amountDue,amountUnpaid,final,finalOn,invoices\r\n"
                        + "2025-07,1.0000,200.00,200.00,false,2025-10-29,2\r\n");
    }
}
