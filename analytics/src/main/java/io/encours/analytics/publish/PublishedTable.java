package io.encours.analytics.publish;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table of the published database: where its Parquet lies, how its rows are sorted (so that
 * the API's lookups read few row groups), and which columns must never be null.
 */
public record PublishedTable(String name, String parquetPath, List<String> orderBy,
        List<String> notNull) {
    public PublishedTable {
        requireNonNull(name, "name");
        requireNonNull(parquetPath, "parquetPath");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("table name must be snake_case: " + name);
        }
        orderBy = List.copyOf(orderBy);
        notNull = List.copyOf(notNull);
    }
}
