package io.encours.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.api.testing.ApiSliceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bad input on every endpoint: a problem+json with the right status, naming the parameter for a
 * 400, never a 500; JSON and CSV asked alike.
 */
class BadInputTest extends ApiSliceTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /api/v1/dso?from=2025-13                                      | 400 | from        | must be a month YYYY-MM
            /api/v1/dso?from=2025-06&to=2025-01                           | 400 | from        | is after to
            /api/v1/dso?window=7                                          | 400 | window      | 30|60|90|180|365
            /api/v1/dso?method=median                                     | 400 | method      | standard|countback
            /api/v1/dso?method=countback&entity=ENT-01&entity=ENT-02      | 400 | entity      | cannot be consolidated
            /api/v1/dso?entity=ENT-99                                     | 404 | -           | unknown entity ENT-99
            /api/v1/dso?debtor=D-999                                      | 404 | -           | unknown debtor D-999
            /api/v1/dso?collector=COL-99                                  | 404 | -           | unknown collector COL-99
            /api/v1/cei?to=june                                           | 400 | to          | must be a month YYYY-MM
            /api/v1/cei?debtor=D-001                                      | 400 | debtor      | not published per debtor
            /api/v1/forecast?debtor=D-001                                 | 400 | debtor      | not published per debtor
            /api/v1/cei?segment=HUGE                                      | 400 | segment     | KEY_ACCOUNT|SME|MICRO|PUBLIC
            /api/v1/delays?granularity=day                                | 400 | granularity | month|quarter
            /api/v1/unpaid-rate?from=2025-00                              | 400 | from        | must be a month YYYY-MM
            /api/v1/aged-balance?asOf=1999-01                             | 400 | asOf        | a month of the history
            /api/v1/aged-balance?groupBy=country                          | 400 | groupBy     | total|entity|segment|collector|debtor
            /api/v1/aged-balance?sort=name                                | 400 | sort        | overdue|total
            /api/v1/aged-balance?groupBy=debtor&size=1001                 | 400 | size        | between 1 and 1000
            /api/v1/aged-balance?page=-1                                  | 400 | page        | 0 or more
            /api/v1/aged-balance?size=ten                                 | 400 | size        | must be an integer
            /api/v1/benchmarks?metric=cei                                 | 400 | metric      | delay|dso
            /api/v1/benchmarks?granularity=week                           | 400 | granularity | year|quarter|half
            /api/v1/scenarios/effectiveness?detail=month                  | 400 | detail      | none|step|channel
            /api/v1/scenarios/effectiveness?from=2025-02&to=2025-01       | 400 | from        | is after to
            /api/v1/scenarios/effectiveness?scenario=SC-404               | 404 | -           | unknown scenario SC-404
            /api/v1/collectors/performance?month=2025-13                  | 400 | month       | must be a month YYYY-MM
            /api/v1/collectors/performance?month=1990-01                  | 400 | month       | collectors' activity
            /api/v1/collectors/performance?size=1001                      | 400 | size        | between 1 and 1000
            /api/v1/collectors/performance?collector=COL-99               | 404 | -           | unknown collector COL-99
            /api/v1/promises?status=LATE                                  | 400 | status      | OPEN|KEPT|BROKEN
            /api/v1/promises?size=1001                                    | 400 | size        | between 1 and 1000
            /api/v1/promises?collector=x*y                                | 400 | collector   | must be an id
            /api/v1/promises?collector=COL-99                             | 404 | -           | unknown collector COL-99
            /api/v1/worklists/COL-99                                      | 404 | -           | unknown collector COL-99
            /api/v1/worklists/COL-01?size=1001                            | 400 | size        | between 1 and 1000
            /api/v1/worklists/x*y                                         | 400 | collectorId | must be an id
            /api/v1/forecast?horizon=999                                  | 400 | horizon     | the published horizon
            /api/v1/forecast?granularity=year                             | 400 | granularity | day|week|month
            /api/v1/forecast/backtest?entity=ENT-01&entity=ENT-02         | 400 | entity      | cannot be consolidated
            /api/v1/forecast/export?format=pdf                            | 400 | format      | csv|parquet|xlsx
            """)
    void isAProblemNamingTheParameter(String url, int status, String parameter, String detail) throws Exception {
        check(as(CFO, url), status, parameter, detail);
        check(csv(CFO, url), status, parameter, detail);
    }

    private static void check(ResultActions result, int status, String parameter, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail", containsString(detail)));
        if (parameter != null) {
            result.andExpect(jsonPath("$.parameter").value(parameter));
        }
    }
}
