package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.contract.Column;
import io.encours.contract.ColumnType;
import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every part file of every table has the contract's columns, order and Parquet types. */
class SchemaTest {
    @Test
    void everyPartFileHasTheContractSchema() throws Exception {
        Path snapshot = TestSnapshots.generate(600, 8_000, 11, null, 3_000);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table t : Contract.TABLES) {
                List<Path> parts;
                try (Stream<Path> files = Files.list(snapshot.resolve(t.name()))) {
                    parts = files.sorted().toList();
                }
                assertThat(parts).as(t.name()).isNotEmpty();
                for (Path part : parts) {
                    assertThat(describe(db, part)).as(part.toString())
                            .containsExactlyElementsOf(expectedDescribe(t));
                    assertThat(parquetSchema(db, part)).as(part.toString())
                            .containsExactlyElementsOf(expectedParquet(t));
                }
            }
        }
    }

    private static List<String> expectedDescribe(Table t) {
        List<String> out = new ArrayList<>();
        for (Column c : t.columns()) {
            String type = switch (c.type()) {
                case STRING -> "VARCHAR";
                case DATE -> "DATE";
                case INT32 -> "INTEGER";
                case BOOLEAN -> "BOOLEAN";
                case AMOUNT, RATE -> "DECIMAL(18," + c.type().scale() + ")";
            };
            out.add(c.name() + " " + type);
        }
        return out;
    }

    /** name, physical type, logical (or converted) type, precision, scale. */
    private static List<String> expectedParquet(Table t) {
        List<String> out = new ArrayList<>();
        for (Column c : t.columns()) {
            ColumnType type = c.type();
            out.add(c.name() + " " + switch (type) {
                case STRING -> "BYTE_ARRAY UTF8";
                case DATE -> "INT32 DATE";
                case INT32 -> "INT32 INT_32";
                case BOOLEAN -> "BOOLEAN null";
                case AMOUNT, RATE -> "INT64 DECIMAL 18," + type.scale();
            });
        }
        return out;
    }

    private static List<String> describe(Connection db, Path part) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + part
                        + "', hive_partitioning = false)")) {
            while (rs.next()) {
                out.add(rs.getString("column_name") + " " + rs.getString("column_type"));
            }
        }
        return out;
    }

    private static List<String> parquetSchema(Connection db, Path part) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, type, converted_type, precision, scale"
                        + " FROM parquet_schema('" + part + "') WHERE type IS NOT NULL")) {
            while (rs.next()) {
                String line = rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
                if ("DECIMAL".equals(rs.getString(3))) {
                    line += " " + rs.getInt(4) + "," + rs.getInt(5);
                }
                out.add(line);
            }
        }
        return out;
    }
}
