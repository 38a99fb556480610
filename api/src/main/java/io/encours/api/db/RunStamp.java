package io.encours.api.db;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which run a response comes from: {@code run_meta} of the served database file. Every
 * analytics response carries {@code snapshotDate} and {@code runId}.
 */
public record RunStamp(LocalDate snapshotDate, String runId, Instant publishedAt) {
}
