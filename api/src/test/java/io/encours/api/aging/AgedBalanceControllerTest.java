package io.encours.api.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

class AgedBalanceControllerTest extends ApiSliceTest {

    private static final String URL = "/api/v1/aged-balance";

    @Test
    void totalAtTAndAtAMonthEnd() throws Exception {
        as(CFO, URL).andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2025-06-30"))
                .andExpect(jsonPath("$.groupBy").value("total"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].key").value("total"))
                .andExpect(jsonPath("$.rows[0].notDue").value(500.0))
                .andExpect(jsonPath("$.rows[0].days1to30").value(300.0))
                .andExpect(jsonPath("$.rows[0].days31to60").value(200.0))
                .andExpect(jsonPath("$.rows[0].days61to90").value(100.0))
                .andExpect(jsonPath("$.rows[0].days91to180").value(50.0))
                .andExpect(jsonPath("$.rows[0].over180").value(84.57))
                .andExpect(jsonPath("$.rows[0].total").value(1234.57))
                .andExpect(jsonPath("$.rows[0].overdue").value(734.57))
                .andExpect(jsonPath("$.rows[0].inDispute").value(40.0));
        as(CFO, URL + "?asOf=2025-05")
                .andExpect(jsonPath("$.asOf").value("2025-05-31"))
                .andExpect(jsonPath("$.rows[0].total").value(1000.0));
        // An entity × segment cell without open document: one row of zeros.
        as(CFO, URL + "?entity=ENT-03&segment=SME")
                .andExpect(jsonPath("$.rows[0].total").value(0.0));
    }

    @Test
    void groupings() throws Exception {
        as(CFO, URL + "?groupBy=entity")
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.rows[0].key").value("ENT-01"))
                .andExpect(jsonPath("$.rows[0].label").value("Encours Paris"))
                .andExpect(jsonPath("$.rows[1].key").value("ENT-02"))
                .andExpect(jsonPath("$.rows[2].key").value("ENT-03"))
                .andExpect(jsonPath("$.rows[2].over180").value(-15.44));
        as(CFO, URL + "?groupBy=entity&sort=total&entity=ENT-03&entity=ENT-02")
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].key").value("ENT-02"));
        as(CFO, URL + "?groupBy=segment")
                .andExpect(jsonPath("$.rows[0].key").value("SME"))
                .andExpect(jsonPath("$.rows[1].key").value("PUBLIC"))
                .andExpect(jsonPath("$.rows[1].overdue").value(234.57))
                .andExpect(jsonPath("$.rows[2].key").value("MICRO"));
        // Several entities: the entity × segment cells summed; ties on overdue by key.
        as(CFO, URL + "?groupBy=segment&entity=ENT-01,ENT-02")
                .andExpect(jsonPath("$.rows[0].key").value("SME"))
                .andExpect(jsonPath("$.rows[1].key").value("MICRO"))
                .andExpect(jsonPath("$.rows[2].key").value("PUBLIC"))
                .andExpect(jsonPath("$.rows[2].total").value(300.0));
        as(CFO, URL + "?groupBy=collector")
                .andExpect(jsonPath("$.rows[0].key").value("COL-02"))
                .andExpect(jsonPath("$.rows[0].label").value("Marc Petit"))
                .andExpect(jsonPath("$.rows[1].key").value("UNASSIGNED"))
                .andExpect(jsonPath("$.rows[1].label").value("Unassigned"));
        as(CFO, URL + "?groupBy=total&collector=UNASSIGNED")
                .andExpect(jsonPath("$.rows[0].total").value(434.57));
        as(CFO, URL + "?groupBy=debtor")
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.rows[0].key").value("D-002"))
                .andExpect(jsonPath("$.rows[0].label").value("Transports Leroy"))
                .andExpect(jsonPath("$.rows[1].key").value("D-001"))
                .andExpect(jsonPath("$.rows[2].key").value("D-003"));
        as(CFO, URL + "?groupBy=debtor&size=1&page=1")
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].key").value("D-001"));
        as(CFO, URL + "?groupBy=debtor&debtor=D-001&asOf=2025-05")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].total").value(1000.0));
    }

    @Test
    void scopes() throws Exception {
        as(ENTITY_CFO, URL).andExpect(jsonPath("$.rows[0].total").value(700.0));
        as(ENTITY_CFO, URL + "?groupBy=entity")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].key").value("ENT-01"));
        as(ENTITY_CFO, URL + "?groupBy=debtor")
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].key").value("D-001"))
                .andExpect(jsonPath("$.rows[1].key").value("D-003"));
        expect403(ENTITY_CFO, URL + "?entity=ENT-02");
        expect403(ENTITY_CFO, URL + "?groupBy=debtor&debtor=D-002");
        as(COLLECTOR, URL).andExpect(jsonPath("$.rows[0].total").value(400.0));
        as(COLLECTOR, URL + "?groupBy=collector")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].key").value("COL-01"));
        as(COLLECTOR, URL + "?groupBy=entity")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].total").value(400.0));
        as(COLLECTOR, URL + "?groupBy=debtor")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].key").value("D-001"));
        expect403(COLLECTOR, URL + "?collector=COL-02");
        expect403(COLLECTOR, URL + "?groupBy=debtor&debtor=D-002");
        as(ANALYST, URL + "?groupBy=collector")
                .andExpect(jsonPath("$.rows[0].key").value("COL-02"))
                .andExpect(jsonPath("$.rows[0].label").value(nullValue()));
        as(ANALYST, URL + "?groupBy=entity").andExpect(status().isOk());
        expect403(ANALYST, URL + "?groupBy=debtor");
    }

    @Test
    void badParameters() throws Exception {
        expect400(URL + "?asOf=2025-01", "asOf", "asOf must be a month of the history (2025-05 to 2025-06), got 2025-01");
        expect400(URL + "?asOf=2025-6", "asOf", "must be a month YYYY-MM");
        expect400(URL + "?groupBy=country", "groupBy", "must be one of total|entity|segment|collector|debtor");
        expect400(URL + "?sort=name", "sort", "sort must be one of overdue|total, got 'name'");
        expect400(URL + "?debtor=D-001", "debtor", "debtor filters groupBy=debtor only");
        expect400(URL + "?groupBy=debtor&size=1001", "size", "size must be between 1 and 1000");
        expect404(CFO, URL + "?groupBy=debtor&debtor=D-999");
    }

    @Test
    void csv() throws Exception {
        String csv = body(csv(CFO, URL + "?groupBy=entity&entity=ENT-03")
                .andExpect(header().string("Encours-Total", "1"))
                .andExpect(header().string("Encours-Page", "0")));
        assertThat(csv).isEqualTo("key,label,notDue,days1to30,days31to60,days61to90,days91to180,over180,total,overdue,inDispute\r\n"
                + "ENT-03,Encours Lyon,100.00,50.00,0.00,0.00,0.00,-15.44,134.57,34.57,0.00\r\n");
    }
}
