package io.encours.api.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's static files and the chart library are public; the API stays behind
 * authentication, and a script's request gets its 401 without the Basic challenge that would
 * make the browser show its own login pop-up.
 */
class DashboardResourcesTest extends ApiSliceTest {

    static final String ECHARTS = "/webjars/echarts/5.5.0/echarts.min.js";

    @Test
    void thePageItsAssetsAndEchartsAreServedWithoutAuthentication() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("index.html"));
        mvc.perform(get("/index.html")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("webjars/echarts/5.5.0/echarts.min.js")))
                .andExpect(content().string(containsString("assets/dashboard.js")));
        mvc.perform(get("/assets/dashboard.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("X-Requested-With")));
        mvc.perform(get("/assets/dashboard.css")).andExpect(status().isOk());
        mvc.perform(get(ECHARTS)).andExpect(status().isOk())
                .andExpect(content().string(containsString("echarts")));
    }

    @Test
    void theApiAndTheOtherWebjarsStillNeedAuthentication() throws Exception {
        for (String url : new String[] {"/api/v1/meta", "/api/v1/me", "/api/v1/dso", "/api/v1/worklists/COL-01",
            "/webjars/swagger-ui/index.html"}) {
            mvc.perform(get(url)).andExpect(status().isUnauthorized());
        }
        // The public prefixes are no way round: the firewall refuses a path that climbs out of them.
        mvc.perform(get("/assets/../api/v1/meta")).andExpect(status().isBadRequest());
        as(CFO, "/api/v1/meta").andExpect(status().isOk());
    }

    @Test
    void aScriptsRequestGets401WithoutTheBasicChallenge() throws Exception {
        mvc.perform(get("/api/v1/meta"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
        mvc.perform(get("/api/v1/meta").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/meta").header("X-Requested-With", "XMLHttpRequest")
                        .header("Authorization", "Basic Y2ZvOndyb25n")) // cfo:wrong
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }
}
