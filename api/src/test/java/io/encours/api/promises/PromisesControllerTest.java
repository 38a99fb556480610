package io.encours.api.promises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class PromisesControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/promises";

    @Test
    void rowsByPromisedDateWithFilters() throws Exception {
        as(CFO, URL).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.rows[0].promiseId").value("P-2"))
                .andExpect(jsonPath("$.rows[0].invoiceId").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].collectorId").value(nullValue()))
                .andExpect(jsonPath("$.rows[3].promiseId").value("P-1"))
                .andExpect(jsonPath("$.rows[3].debtorId").value("D-001"))
                .andExpect(jsonPath("$.rows[3].invoiceId").value("I-10"))
                .andExpect(jsonPath("$.rows[3].collectorId").value("COL-01"))
                .andExpect(jsonPath("$.rows[3].createdDate").value("2025-06-01"))
                .andExpect(jsonPath("$.rows[3].promisedDate").value("2025-07-05"))
                .andExpect(jsonPath("$.rows[3].promisedAmount").value(500.01))
                .andExpect(jsonPath("$.rows[3].keptAmount").value(0.0))
                .andExpect(jsonPath("$.rows[3].status").value("OPEN"));
        as(CFO, URL + "?status=open").andExpect(jsonPath("$.total").value(1));
        as(CFO, URL + "?status=KEPT").andExpect(jsonPath("$.total").value(2));
        as(CFO, URL + "?from=2025-06").andExpect(jsonPath("$.total").value(2));
        as(CFO, URL + "?from=2025-05&to=2025-05").andExpect(jsonPath("$.rows[0].promiseId").value("P-3"));
        as(CFO, URL + "?collector=UNASSIGNED").andExpect(jsonPath("$.rows[0].promiseId").value("P-4"))
                .andExpect(jsonPath("$.total").value(1));
        as(CFO, URL + "?collector=COL-02").andExpect(jsonPath("$.rows[0].promiseId").value("P-3"));
        as(CFO, URL + "?debtor=D-002").andExpect(jsonPath("$.total").value(1));
        as(CFO, URL + "?segment=MICRO&size=1&page=1").andExpect(jsonPath("$.rows[0].promiseId").value("P-1"));
    }

    @Test
    void scopes() throws Exception {
        as(ENTITY_CFO, URL).andExpect(jsonPath("$.total").value(3));
        expect403(ENTITY_CFO, URL + "?entity=ENT-02");
        expect403(ENTITY_CFO, URL + "?debtor=D-002");
        as(COLLECTOR, URL).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].debtorId").value("D-001"))
                .andExpect(jsonPath("$.rows[1].debtorId").value("D-001"));
        expect403(COLLECTOR, URL + "?collector=COL-02");
        expect403(COLLECTOR, URL + "?collector=UNASSIGNED");
        expect403(COLLECTOR, URL + "?debtor=D-003");
        expect403(ANALYST, URL);
    }

    @Test
    void badParametersAndCsv() throws Exception {
        expect400(URL + "?status=LATE", "status", "must be one of OPEN|KEPT|BROKEN");
        expect400(URL + "?size=1001", "size", "size must be between 1 and 1000");
        expect400(URL + "?from=2025-07&to=2025-01", "from", "is after to");
        expect404(CFO, URL + "?debtor=D-404");
        expect404(CFO, URL + "?collector=COL-404");
        assertThat(body(csv(CFO, URL + "?status=BROKEN"))).isEqualTo(
                "promiseId,debtorId,invoiceId,collectorId,createdDate,promisedDate,promisedAmount,keptAmount,status\r\n"
                        + "P-3,D-002,I-20,COL-02,2025-05-01,2025-05-20,1000.00,200.00,BROKEN\r\n");
    }
}
