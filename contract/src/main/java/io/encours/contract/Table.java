package io.encours.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One table of the snapshot: its folder name, its columns in contract order, and the columns
 * that form its unique key.
 */
public record Table(String name, List<Column> columns, List<String> key) {
    public Table {
        requireNonNull(name, "name");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        for (String k : key) {
            if (columns.stream().noneMatch(c -> c.name().equals(k))) {
                throw new IllegalArgumentException("key column " + k + " not in table " + name);
            }
        }
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
