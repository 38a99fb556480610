package io.encours.api.query;

import io.encours.api.db.Dimensions;
import io.encours.api.db.RunStamp;
import io.encours.api.db.ServedDatabase;
import io.encours.api.web.ListResponse;
import io.encours.api.web.SeriesResponse;
import io.encours.api.web.params.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.BeanUtils;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The served database as one request sees it: pinned for the whole request (a switch of
 * CURRENT in the middle does not mix two runs), with its {@link RunStamp}. Declare a
 * {@code Snapshot} parameter on a controller method to get it; before any run is published
 * that parameter answers 503.
 *
 * <p>Every query takes SQL written in the feature's {@code *Queries} class and bound
 * parameters ({@code ?}); rows map to records by column name ({@code rows_read → rowsRead}).
 */
public final class Snapshot {

    private final ServedDatabase database;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    /** Wraps a database on which the caller took a reference; {@link #release()} gives it back. */
    public Snapshot(ServedDatabase database) {
        this.database = database;
    }

    /** Gives the reference back (once); done by {@link RequestSnapshots} when the request completes. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            database.release();
        }
    }

    boolean isReleased() {
        return released.get();
    }

    /** snapshotDate, runId, publishedAt of this request's run. */
    public RunStamp stamp() {
        return database.stamp();
    }

    /** Dimension look-ups (entities, collectors, debtors) of this run. */
    public Dimensions dimensions() {
        return database.dimensions();
    }

    /** Spring's JdbcClient on this run's database, for anything the helpers below don't cover. */
    public JdbcClient jdbc() {
        return database.jdbcClient();
    }

    public JdbcTemplate jdbcTemplate() {
        return database.jdbcTemplate();
    }

    /** Rows mapped to {@code rowType}: a record/class by column names, or a single-column simple type. */
    public <T> List<T> list(String sql, Class<T> rowType, Object... params) {
        return database.query(sql, rowType, () -> mapper(rowType), params);
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return database.query(sql, mapper, () -> mapper, params);
    }

    public <T> Optional<T> first(String sql, Class<T> rowType, Object... params) {
        return list(sql, rowType, params).stream().findFirst();
    }

    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
        return list(sql, mapper, params).stream().findFirst();
    }

    /** {@code SELECT count(*)} of any query. */
    public long count(String sql, Object... params) {
        List<Long> n = list("SELECT count(*) FROM (" + sql + ") AS counted", Long.class, params);
        return n.isEmpty() || n.get(0) == null ? 0 : n.get(0);
    }

    /**
     * One page of a query (which must have a deterministic ORDER BY) with its total, as a list
     * envelope.
     */
    public <T> ListResponse<T> page(String sql, Class<T> rowType, PageRequest paging, Object... params) {
        return page(sql, rowType, () -> mapper(rowType), paging, params);
    }

    public <T> ListResponse<T> page(String sql, RowMapper<T> mapper, PageRequest paging, Object... params) {
        return page(sql, mapper, () -> mapper, paging, params);
    }

    private <T> ListResponse<T> page(String sql, Object mapping, Supplier<RowMapper<T>> mapper,
            PageRequest paging, Object... params) {
        long total = count(sql, params);
        Object[] withPaging = new Object[params.length + 2];
        System.arraycopy(params, 0, withPaging, 0, params.length);
        withPaging[params.length] = paging.size();
        withPaging[params.length + 1] = paging.offset();
        List<T> rows = total == 0 || paging.offset() >= total ? List.of()
                : database.query(sql + "\nLIMIT ? OFFSET ?", mapping, mapper, withPaging);
        return listResponse(rows, total, paging);
    }

    /** A list envelope from rows already filtered and paged. */
    public <T> ListResponse<T> listResponse(List<T> rows, long total, PageRequest paging) {
        return new ListResponse<>(stamp().snapshotDate(), stamp().runId(), total, paging.page(), paging.size(), rows);
    }

    /** A list envelope paging an in-memory list (small lists computed in Java). */
    public <T> ListResponse<T> pageOf(List<T> all, PageRequest paging) {
        int from = (int) Math.min(all.size(), paging.offset());
        int to = (int) Math.min(all.size(), paging.offset() + paging.size());
        return listResponse(List.copyOf(all.subList(from, to)), all.size(), paging);
    }

    /** A series envelope. */
    public <P> SeriesResponse<P> series(List<P> points) {
        return new SeriesResponse<>(stamp().snapshotDate(), stamp().runId(), points);
    }

    @SuppressWarnings("unchecked")
    private static <T> RowMapper<T> mapper(Class<T> type) {
        if (BeanUtils.isSimpleProperty(type) || type == java.time.LocalDate.class) {
            return SingleColumnRowMapper.newInstance(type);
        }
        return (RowMapper<T>) new DataClassRowMapper<>(type);
    }
}
