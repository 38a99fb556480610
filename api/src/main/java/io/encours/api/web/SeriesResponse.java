package io.encours.api.web;

import java.time.LocalDate;
import java.util.List;

/**
 * A series: {@code {snapshotDate, runId, points: [...]}}. A series with extra top-level fields
 * (e.g. {@code method}, {@code window}) declares its own record implementing {@link Stamped}
 * with a {@code points} component.
 */
public record SeriesResponse<P>(LocalDate snapshotDate, String runId, List<P> points) implements Stamped {
}
