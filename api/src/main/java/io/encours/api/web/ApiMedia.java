package io.encours.api.web;

/** Media types of the API, for {@code @GetMapping(produces = ...)}. */
public final class ApiMedia {

    public static final String CSV = "text/csv";
    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";
    /** Every analytics list or series endpoint: JSON by default, CSV with {@code Accept: text/csv}. */
    public static final String[] JSON_OR_CSV = {JSON, CSV};

    private ApiMedia() {
    }
}
