package io.encours.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.api.query.SqlFilter;
import io.encours.api.query.Whitelist;
import io.encours.api.web.error.BadParameterException;
import io.encours.api.web.params.Params;
import io.encours.api.web.params.Segment;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class CsvAndSqlHelpersTest {

    @Test
    void csvCellsAreQuotedAndGuardedAgainstFormulas() {
        assertThat(CsvHttpMessageConverter.quote("plain")).isEqualTo("plain");
        assertThat(CsvHttpMessageConverter.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvHttpMessageConverter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvHttpMessageConverter.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertThat(CsvHttpMessageConverter.cell(f.stringNode("=HYPERLINK(\"x\")"))).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvHttpMessageConverter.cell(f.numberNode(-12.5))).isEqualTo("-12.5");
        assertThat(CsvHttpMessageConverter.cell(f.numberNode(1.0E7))).isEqualTo("10000000");
        assertThat(CsvHttpMessageConverter.cell(f.nullNode())).isEmpty();
    }

    @Test
    void roundingIsHalfUpOnTheDecimalValue() {
        assertThat(Rounding.cents(1.005)).hasToString("1.01");
        assertThat(Rounding.cents(-1.005)).hasToString("-1.01");
        assertThat(Rounding.days(41.254)).hasToString("41.25");
        assertThat(Rounding.cents(new java.math.BigDecimal("2.675"))).hasToString("2.68");
    }

    /** A figure as the API's responses carry it. */
    record Figure(@Amount Number value) {
    }

    @Test
    void figuresAreSerialisedRoundedAndANonFiniteDoubleAsNull() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(new Figure(new BigDecimal("2.675")))).isEqualTo("{\"value\":2.68}");
        assertThat(json.writeValueAsString(new Figure(-1.005))).isEqualTo("{\"value\":-1.01}");
        assertThat(json.writeValueAsString(new Figure(Double.NaN))).isEqualTo("{\"value\":null}");
        assertThat(json.writeValueAsString(new Figure(Float.POSITIVE_INFINITY))).isEqualTo("{\"value\":null}");
        assertThat(json.writeValueAsString(new Figure(null))).isEqualTo("{\"value\":null}");
    }

    @Test
    void sqlFilterBindsEveryValue() {
        SqlFilter where = SqlFilter.create()
                .in("entity_id", List.of("ENT-01", "x' OR 1=1 --"))
                .eq("segment", Segment.SME)
                .eq("collector_id", null)
                .between("month", "2025-01", null);
        assertThat(where.applyTo("SELECT * FROM t {where} ORDER BY 1"))
                .isEqualTo("SELECT * FROM t WHERE entity_id IN (?, ?) AND segment = ? AND month >= ? ORDER BY 1");
        assertThat(where.params()).containsExactly("ENT-01", "x' OR 1=1 --", "SME", "2025-01");
        assertThat(SqlFilter.create().applyTo("SELECT 1 FROM t WHERE a AND {and}")).endsWith("WHERE a AND TRUE");
        assertThatThrownBy(() -> SqlFilter.create().eq("a; DROP TABLE t", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whitelistsAndParams() {
        Whitelist sort = Whitelist.of("sort", "overdue", "overdue DESC, key", "total", "total DESC, key");
        assertThat(sort.sql(null)).isEqualTo("overdue DESC, key");
        assertThat(sort.sql("TOTAL")).isEqualTo("total DESC, key");
        assertThatThrownBy(() -> sort.sql("name; DROP TABLE x"))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("sort must be one of overdue|total");
        assertThat(Params.ids("entity", List.of("ENT-01,ENT-02", " ENT-01 "))).containsExactly("ENT-01", "ENT-02");
        assertThat(Params.oneOf("segment", "key_account", Segment.class, null)).isEqualTo(Segment.KEY_ACCOUNT);
        assertThatThrownBy(() -> Params.month("to", "2025-6"))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("to must be a month YYYY-MM");
    }
}
