package io.encours.api.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class WorklistControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/worklists/";

    @Test
    void rowsWithReasonsAndInvoicesAndLegal() throws Exception {
        as(CFO, URL + "COL-01").andExpect(status().isOk())
                .andExpect(jsonPath("$.collectorId").value("COL-01"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.rows[0].debtorId").value("D-004"))
                .andExpect(jsonPath("$.rows[0].creditScore").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].debtorName").value("Boulangerie Dupont"))
                .andExpect(jsonPath("$.rows[1].overdueAmount").value(1234.57))
                .andExpect(jsonPath("$.rows[1].maxDaysOverdue").value(94))
                .andExpect(jsonPath("$.rows[1].creditScore").value(71))
                .andExpect(jsonPath("$.rows[1].priority").value(1301.23))
                .andExpect(jsonPath("$.rows[1].reasons[2]").value("open promise due 2025-07-05 (×0.2)"))
                .andExpect(jsonPath("$.rows[1].suggestedAction").value("WAIT_FOR_PROMISE"))
                .andExpect(jsonPath("$.rows[1].invoices.length()").value(2))
                .andExpect(jsonPath("$.rows[1].invoices[0].invoiceId").value("I-10"))
                .andExpect(jsonPath("$.rows[1].invoices[0].dueDate").value("2025-03-28"))
                .andExpect(jsonPath("$.rows[1].invoices[0].daysOverdue").value(94))
                .andExpect(jsonPath("$.rows[1].invoices[0].remaining").value(1000.01))
                .andExpect(jsonPath("$.rows[1].invoices[0].inDispute").value(false))
                .andExpect(jsonPath("$.legal.length()").value(2))
                .andExpect(jsonPath("$.legal[0].debtorId").value("D-005"))
                .andExpect(jsonPath("$.legal[0].overdueAmount").value(292.09))
                .andExpect(jsonPath("$.legal[0].invoices[0].remaining").value(292.09));
        as(CFO, URL + "COL-01?size=1&page=1")
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].rank").value(2));
        as(CFO, URL + "COL-01?segment=SME")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.legal.length()").value(1));
        // A known collector without actionable debtor: empty lists, not 404.
        as(CFO, URL + "COL-02?entity=ENT-01")
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.legal.length()").value(0));
    }

    @Test
    void scopes() throws Exception {
        as(COLLECTOR, URL + "COL-01").andExpect(jsonPath("$.total").value(2));
        expect403(COLLECTOR, URL + "COL-02");
        expect403(ANALYST, URL + "COL-01");
        // An ENTITY_CFO sees the rows of its entities only.
        as(ENTITY_CFO, URL + "COL-01")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].debtorId").value("D-001"))
                .andExpect(jsonPath("$.legal.length()").value(1))
                .andExpect(jsonPath("$.legal[0].debtorId").value("D-005"));
        expect403(ENTITY_CFO, URL + "COL-01?entity=ENT-02");
        expect404(CFO, URL + "COL-99");
        expect403(ANALYST, URL + "COL-99");
    }

    @Test
    void badParametersAndCsv() throws Exception {
        expect400(URL + "COL-01?size=5000", "size", "size must be between 1 and 1000");
        expect400(URL + "COL-01?page=-2", "page", "page must be 0 or more");
        String csv = body(csv(CFO, URL + "COL-02").andExpect(header().string("Encours-Total", "1")));
        assertThat(csv).isEqualTo("rank,debtorId,debtorName,overdueAmount,maxDaysOverdue,creditScore,priority,reasons,"
                + "suggestedAction,invoices,entityId,segment,invoiceCount\r\n"
                + "1,D-002,Transports Leroy,300.00,40,55,993.33,\"1 invoice overdue, 40 days|credit score 55 (risk ×1.45)\","
                + "CALL,\"[{\"\"invoiceId\"\":\"\"I-20\"\",\"\"dueDate\"\":\"\"2025-05-21\"\",\"\"daysOverdue\"\":40,"
                + "\"\"remaining\"\":300.00,\"\"inDispute\"\":false}]\",ENT-02,SME,1\r\n");
    }
}
