package io.encours.contract;

import static java.util.Objects.requireNonNull;

/** One column of a contract table. */
public record Column(String name, ColumnType type, boolean required) {
    public Column {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }

    static Column req(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    static Column opt(String name, ColumnType type) {
        return new Column(name, type, false);
    }
}
