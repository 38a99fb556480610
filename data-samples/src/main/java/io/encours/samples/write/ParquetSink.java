package io.encours.samples.write;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Column;
import io.encours.contract.ColumnType;
import io.encours.contract.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Streams the rows of one contract table into {@code part-NNNNN.parquet} files.
 *
 * <p>Rows go through a DuckDB appender into a scratch temp table; every {@code rowsPerFile}
 * rows the scratch table is copied to the next part file and emptied, so neither the Java heap
 * nor DuckDB ever holds more than one part of a table. The connection runs with one thread
 * and insertion order preserved, which makes the written rows identical from run to run.
 */
public final class ParquetSink implements AutoCloseable {
    private final DuckDBConnection connection;
    private final Table table;
    private final Path folder;
    private final long rowsPerFile;
    private final Consumer<String> log;
    private final ColumnType[] types;
    private final String scratch;
    private DuckDBAppender appender;
    private long rowsInPart;
    private long rows;
    private int parts;

    /**
     * @param connection a connection of its own: the scratch table is a temp table, private to
     *     it; the sink closes it
     */
    public ParquetSink(DuckDBConnection connection, Table table, Path folder, long rowsPerFile,
            Consumer<String> log) {
        this.connection = requireNonNull(connection, "connection");
        this.table = requireNonNull(table, "table");
        this.folder = requireNonNull(folder, "folder");
        this.log = requireNonNull(log, "log");
        if (rowsPerFile < 1) {
            throw new IllegalArgumentException("rowsPerFile must be positive: " + rowsPerFile);
        }
        this.rowsPerFile = rowsPerFile;
        this.types = table.columns().stream().map(Column::type).toArray(ColumnType[]::new);
        this.scratch = "scratch_" + table.name();
        try {
            Files.createDirectories(folder);
            try (Statement st = connection.createStatement()) {
                st.execute("SET threads = 1");
                st.execute("SET preserve_insertion_order = true");
                st.execute(createScratchSql());
            }
            appender = connection.createAppender("temp", "main", scratch);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the sink of " + table.name(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Table table() {
        return table;
    }

    /** Rows appended so far, over all parts. */
    public long rows() {
        return rows;
    }

    /** Appends one row: values in contract order, typed as {@code ContractRow#values()} says. */
    public void append(Object[] values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(table.name() + " has " + types.length
                    + " columns, got " + values.length + " values");
        }
        try {
            appender.beginRow();
            for (int i = 0; i < values.length; i++) {
                appendValue(types[i], values[i], i);
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to " + table.name(), e);
        }
        rows++;
        if (++rowsInPart >= rowsPerFile) {
            writePart();
        }
    }

    public void append(List<Object[]> batch) {
        batch.forEach(this::append);
    }

    private void appendValue(ColumnType type, Object value, int index) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case STRING -> appender.append((String) value);
            case DATE -> appender.appendEpochDays((int) ((LocalDate) value).toEpochDay());
            case INT32 -> appender.append(((Integer) value).intValue());
            case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
            case AMOUNT, RATE -> appender.appendDecimal(unscaled((BigDecimal) value, type, index));
        }
    }

    private long unscaled(BigDecimal value, ColumnType type, int index) {
        try {
            // setScale without rounding: a value with more decimals than the contract is a bug.
            return value.setScale(type.scale()).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(table.name() + "." + table.columns().get(index)
                    .name() + " does not fit " + type.contractName() + ": " + value, e);
        }
    }

    /** Copies the scratch table to the next part file and empties it. */
    private void writePart() {
        Path file = folder.resolve(String.format("part-%05d.parquet", parts));
        try {
            appender.close();
            try (Statement st = connection.createStatement()) {
                st.execute("COPY " + scratch + " TO '" + file.toString().replace("'", "''")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
                // Dropping (rather than deleting rows) hands the memory back to DuckDB.
                st.execute("DROP TABLE " + scratch);
                st.execute(createScratchSql());
            }
            appender = connection.createAppender("temp", "main", scratch);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        parts++;
        log.accept(String.format("%s/%s: %,d rows (%,d so far)", table.name(), file.getFileName(),
                rowsInPart, rows));
        rowsInPart = 0;
    }

    private String createScratchSql() {
        StringBuilder sql = new StringBuilder("CREATE TEMP TABLE ").append(scratch).append(" (");
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append('"').append(columns.get(i).name()).append("\" ")
                    .append(duckDbType(columns.get(i).type()));
        }
        return sql.append(')').toString();
    }

    static String duckDbType(ColumnType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case DATE -> "DATE";
            case INT32 -> "INTEGER";
            case BOOLEAN -> "BOOLEAN";
            case AMOUNT, RATE -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
        };
    }

    /**
     * Writes the last part. A table with no row at all still gets one (empty) part file, so
     * that every table folder exists and carries the schema.
     */
    @Override
    public void close() {
        try {
            if (rowsInPart > 0 || parts == 0) {
                writePart();
            }
            appender.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the sink of " + table.name(), e);
        }
    }
}
