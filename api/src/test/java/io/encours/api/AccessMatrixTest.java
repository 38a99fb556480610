package io.encours.api;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every endpoint × every demo role (cfo = GROUP_CFO, entity-cfo = ENTITY_CFO of ENT-01,
 * collector = COLLECTOR COL-01, analyst = ANALYST): the status each gets, and that what it gets
 * holds no row outside its scope. The scope decisions are in api/README.md.
 */
class AccessMatrixTest extends ApiSliceTest {

    @ParameterizedTest(name = "{0}: cfo {1}, entity-cfo {2}, collector {3}, analyst {4}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/meta                                 | 200 | 200 | 200 | 200
            /api/v1/dso                                  | 200 | 200 | 200 | 200
            /api/v1/dso?method=countback                 | 200 | 200 | 200 | 200
            /api/v1/dso?debtor=D-001                     | 200 | 200 | 200 | 403
            /api/v1/cei                                  | 200 | 200 | 200 | 200
            /api/v1/delays?granularity=quarter           | 200 | 200 | 200 | 200
            /api/v1/unpaid-rate                          | 200 | 200 | 200 | 200
            /api/v1/aged-balance                         | 200 | 200 | 200 | 200
            /api/v1/aged-balance?groupBy=collector       | 200 | 200 | 200 | 200
            /api/v1/aged-balance?groupBy=debtor          | 200 | 200 | 200 | 403
            /api/v1/benchmarks                           | 200 | 200 | 403 | 200
            /api/v1/scenarios/effectiveness              | 200 | 403 | 403 | 200
            /api/v1/collectors/performance               | 200 | 403 | 200 | 200
            /api/v1/promises                             | 200 | 200 | 200 | 403
            /api/v1/worklists/COL-01                     | 200 | 200 | 200 | 403
            /api/v1/worklists/COL-02                     | 200 | 200 | 403 | 403
            /api/v1/forecast                             | 200 | 200 | 403 | 200
            /api/v1/forecast/backtest                    | 200 | 200 | 403 | 200
            /api/v1/forecast/export                      | 200 | 200 | 403 | 200
            """)
    void everyEndpointForEveryRole(String url, int cfo, int entityCfo, int collector, int analyst) throws Exception {
        as(CFO, url).andExpect(status().is(cfo));
        as(ENTITY_CFO, url).andExpect(status().is(entityCfo));
        as(COLLECTOR, url).andExpect(status().is(collector));
        as(ANALYST, url).andExpect(status().is(analyst));
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        for (String user : List.of(CFO, ENTITY_CFO, COLLECTOR, ANALYST)) {
            as(user, url).andExpect(result -> {
                int s = result.getResponse().getStatus();
                if (s != 200) {
                    content().contentTypeCompatibleWith("application/problem+json").match(result);
                }
            });
        }
    }

    @Test
    void anEntityCfoSeesNoRowOfAnotherEntity() throws Exception {
        List<String> ownDebtors = List.of("D-001", "D-003");
        as(ENTITY_CFO, "/api/v1/promises")
                .andExpect(jsonPath("$.rows[*].debtorId", everyItem(is(in(ownDebtors)))));
        as(ENTITY_CFO, "/api/v1/aged-balance?groupBy=debtor")
                .andExpect(jsonPath("$.rows[*].key", everyItem(is(in(ownDebtors)))));
        as(ENTITY_CFO, "/api/v1/aged-balance?groupBy=entity")
                .andExpect(jsonPath("$.rows[*].key", everyItem(is("ENT-01"))));
        as(ENTITY_CFO, "/api/v1/worklists/COL-01")
                .andExpect(jsonPath("$.rows[*].entityId", everyItem(is("ENT-01"))))
                .andExpect(jsonPath("$.legal[*].entityId", everyItem(is("ENT-01"))));
        as(ENTITY_CFO, "/api/v1/worklists/COL-02").andExpect(jsonPath("$.rows", hasSize(0)));
        // Its "group" totals are its entity's figures.
        as(ENTITY_CFO, "/api/v1/aged-balance").andExpect(jsonPath("$.rows[0].total").value(700.0));
        as(ENTITY_CFO, "/api/v1/forecast/export?format=csv")
                .andExpect(content().string(not(containsString(",ALL,ALL,"))));
    }

    @Test
    void aCollectorSeesItsOwnPortfolioOnly() throws Exception {
        as(COLLECTOR, "/api/v1/promises").andExpect(jsonPath("$.rows[*].debtorId", everyItem(is("D-001"))));
        as(COLLECTOR, "/api/v1/aged-balance?groupBy=debtor").andExpect(jsonPath("$.rows[*].key", everyItem(is("D-001"))));
        as(COLLECTOR, "/api/v1/aged-balance?groupBy=collector")
                .andExpect(jsonPath("$.rows[*].key", everyItem(is("COL-01"))));
        as(COLLECTOR, "/api/v1/collectors/performance")
                .andExpect(jsonPath("$.rows[*].collectorId", everyItem(is("COL-01"))));
        // Its portfolio's DSO, not the group's (27.78).
        as(COLLECTOR, "/api/v1/dso?from=2025-06").andExpect(jsonPath("$.points[0].dso").value(25.0));
    }

    @Test
    void anAnalystGetsNoNames() throws Exception {
        as(ANALYST, "/api/v1/aged-balance?groupBy=collector")
                .andExpect(jsonPath("$.rows[*].label", everyItem(nullValue())));
        as(ANALYST, "/api/v1/collectors/performance")
                .andExpect(jsonPath("$.rows[*].name", everyItem(nullValue())));
        for (String url : List.of("/api/v1/aged-balance?groupBy=collector", "/api/v1/collectors/performance",
                "/api/v1/aged-balance?groupBy=entity", "/api/v1/dso", "/api/v1/scenarios/effectiveness")) {
            as(ANALYST, url).andExpect(content().string(not(containsString("Julie Martin"))))
                    .andExpect(content().string(not(containsString("Boulangerie"))));
            csv(ANALYST, url).andExpect(content().string(not(containsString("Julie Martin"))));
        }
    }
}
