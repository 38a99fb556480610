package io.encours.api.web;

import java.time.LocalDate;

/**
 * An analytics response: says which run it comes from. Every response record of a feature
 * implements it (records with components {@code snapshotDate} and {@code runId} do so for
 * free). Such records are also what {@code Accept: text/csv} can render (see
 * {@link CsvHttpMessageConverter}).
 */
public interface Stamped {

    LocalDate snapshotDate();

    String runId();
}
