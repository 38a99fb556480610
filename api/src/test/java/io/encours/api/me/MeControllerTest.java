package io.encours.api.me;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/me} for each demo role over the metric fixtures (ENT-01..03, COL-01, COL-02). */
class MeControllerTest extends ApiSliceTest {

    @Test
    void aGroupCfoMayPickEveryEntityAndCollector() throws Exception {
        as(CFO, "/api/v1/me").andExpect(status().isOk())
                .andExpect(jsonPath("$.user").value("cfo"))
                .andExpect(jsonPath("$.role").value("GROUP_CFO"))
                .andExpect(jsonPath("$.collectorId").value(nullValue()))
                .andExpect(jsonPath("$.runId").isNotEmpty())
                .andExpect(jsonPath("$.snapshotDate").value("2025-06-30"))
                .andExpect(jsonPath("$.entities[*].entityId", contains("ENT-01", "ENT-02", "ENT-03")))
                .andExpect(jsonPath("$.entities[0].name").value("Encours Paris"))
                .andExpect(jsonPath("$.collectors[*].collectorId", contains("COL-01", "COL-02")))
                .andExpect(jsonPath("$.collectors[0].name").value("Julie Martin"));
    }

    @Test
    void anEntityCfoGetsItsResolvedEntitiesOnly() throws Exception {
        as(ENTITY_CFO, "/api/v1/me")
                .andExpect(jsonPath("$.role").value("ENTITY_CFO"))
                .andExpect(jsonPath("$.entities[*].entityId", contains("ENT-01")));
    }

    @Test
    void aCollectorGetsItsOwnIdAndOnlyItself() throws Exception {
        as(COLLECTOR, "/api/v1/me")
                .andExpect(jsonPath("$.role").value("COLLECTOR"))
                .andExpect(jsonPath("$.collectorId").value("COL-01"))
                .andExpect(jsonPath("$.collectors[*].collectorId", contains("COL-01")));
    }

    @Test
    void anAnalystGetsNoPersonNames() throws Exception {
        as(ANALYST, "/api/v1/me")
                .andExpect(jsonPath("$.role").value("ANALYST"))
                .andExpect(jsonPath("$.collectors[*].collectorId", contains("COL-01", "COL-02")))
                .andExpect(jsonPath("$.collectors[*].name", everyItem(nullValue())))
                .andExpect(jsonPath("$.entities[0].name").value("Encours Paris"));
    }

    @Test
    void needsAuthenticationAndIsJsonOnly() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
        csv(CFO, "/api/v1/me").andExpect(status().isNotAcceptable());
    }
}
