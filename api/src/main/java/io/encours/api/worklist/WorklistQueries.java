package io.encours.api.worklist;

import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.web.ListResponse;
import io.encours.api.web.params.PageRequest;
import io.encours.api.worklist.WorklistResponse.Invoice;
import io.encours.api.worklist.WorklistResponse.Legal;
import io.encours.api.worklist.WorklistResponse.Row;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the worklists (worklist, worklist_legal). */
final class WorklistQueries {

    /** The invoices' STRUCT list as JSON text (decimals kept exact), parsed below. */
    static final String ROWS = """
            SELECT rank, debtor_id, debtor_name, overdue_amount_eur, max_days_overdue, credit_score, priority,
                   reasons, suggested_action, CAST(to_json(invoices) AS VARCHAR) AS invoices_json,
                   entity_id, segment, invoice_count
            FROM worklist
            {where}
            ORDER BY rank""";

    static final String LEGAL = """
            SELECT debtor_id, debtor_name, overdue_amount_eur, max_days_overdue, credit_score,
                   CAST(to_json(invoices) AS VARCHAR) AS invoices_json, entity_id, segment, invoice_count
            FROM worklist_legal
            {where}
            ORDER BY debtor_id""";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getInt("rank"), rs.getString("debtor_id"),
            rs.getString("debtor_name"), rs.getBigDecimal("overdue_amount_eur"), rs.getInt("max_days_overdue"),
            integer(rs, "credit_score"), rs.getBigDecimal("priority"), strings(rs.getArray("reasons")),
            rs.getString("suggested_action"), invoices(rs.getString("invoices_json")), rs.getString("entity_id"),
            rs.getString("segment"), rs.getLong("invoice_count"));

    private static final RowMapper<Legal> LEGAL_ROW = (rs, i) -> new Legal(rs.getString("debtor_id"),
            rs.getString("debtor_name"), rs.getBigDecimal("overdue_amount_eur"), rs.getInt("max_days_overdue"),
            integer(rs, "credit_score"), invoices(rs.getString("invoices_json")), rs.getString("entity_id"),
            rs.getString("segment"), rs.getLong("invoice_count"));

    private WorklistQueries() {
    }

    static ListResponse<Row> rows(Snapshot snapshot, SqlFilter where, PageRequest paging) {
        return snapshot.page(where.applyTo(ROWS), ROW, paging, where.params());
    }

    static List<Legal> legal(Snapshot snapshot, SqlFilter where) {
        return snapshot.list(where.applyTo(LEGAL), LEGAL_ROW, where.params());
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    static List<Invoice> invoices(String json) {
        if (json == null) {
            return List.of();
        }
        List<Invoice> out = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json).values()) {
            JsonNode remaining = node.get("remaining_eur");
            out.add(new Invoice(text(node, "invoice_id"),
                    node.hasNonNull("due_date") ? LocalDate.parse(node.get("due_date").asString()) : null,
                    node.path("days_overdue").asInt(),
                    remaining == null || remaining.isNull() ? null : remaining.decimalValue(),
                    node.path("in_dispute").asBoolean()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
