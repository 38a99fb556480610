package io.encours.api.web;

import java.time.LocalDate;
import java.util.List;

/** A list: {@code {snapshotDate, runId, total, page, size, rows: [...]}}; {@code page} from 0. */
public record ListResponse<R>(LocalDate snapshotDate, String runId, long total, int page, int size,
        List<R> rows) implements Paged {
}
