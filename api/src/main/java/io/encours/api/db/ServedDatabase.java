package io.encours.api.db;

import io.encours.api.web.error.ServiceBusyException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * One published database file opened read-only, with a small pool of DuckDB connections
 * (duplicates of one root connection, so they share one DuckDB instance and its cache).
 *
 * <p>Reference counted: the {@link DatabaseRegistry} holds one reference while the file is the
 * served one, and every request that uses it holds one (see {@link #tryAcquire()}). The pool is
 * closed when the count reaches zero, i.e. once the file was replaced and the last in-flight
 * request that used it has finished.
 */
public final class ServedDatabase {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ServedDatabase.class);

    private final Path file;
    private final RunStamp stamp;
    private final DuckDBConnection root;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore permits;
    private final Duration borrowTimeout;
    private final AtomicInteger references = new AtomicInteger(1);
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbcClient;
    private final Dimensions dimensions;
    /** Results of this file's queries (see {@link QueryCache}): at most 200,000 rows held. */
    private final QueryCache cache = new QueryCache(5_000, 200_000);

    private ServedDatabase(Path file, DuckDBConnection root, RunStamp stamp, int poolSize,
            Duration borrowTimeout) {
        this.file = file;
        this.root = root;
        this.stamp = stamp;
        this.permits = new Semaphore(poolSize, true);
        this.borrowTimeout = borrowTimeout;
        DataSource dataSource = new PoolDataSource();
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        // Translates by SQLException subclass: no metadata look-up on the first error.
        this.jdbcTemplate.setExceptionTranslator(new SQLExceptionSubclassTranslator());
        this.jdbcClient = JdbcClient.create(jdbcTemplate);
        this.dimensions = new Dimensions(jdbcTemplate);
    }

    /** The JDBC URL that opens {@code file} read-only (options after {@code ;}). */
    public static String jdbcUrl(Path file) {
        return "jdbc:duckdb:" + file.toAbsolutePath() + ";access_mode=READ_ONLY";
    }

    /**
     * Opens {@code file} read-only and checks it is a published database: {@code run_meta} must
     * hold exactly one row. Throws if the file cannot be opened or checked (nothing stays open).
     */
    public static ServedDatabase open(Path file, int poolSize, Duration borrowTimeout, int threads,
            String memoryLimit) throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("threads", Integer.toString(threads));
        settings.setProperty("memory_limit", memoryLimit);
        DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection(jdbcUrl(file), settings);
        try {
            RunStamp stamp = readStamp(root);
            return new ServedDatabase(file, root, stamp, poolSize, borrowTimeout);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(root);
            throw e;
        }
    }

    private static RunStamp readStamp(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT run_id, snapshot_date, published_at FROM run_meta")) {
            if (!rs.next()) {
                throw new SQLException("run_meta is empty");
            }
            String runId = rs.getString(1);
            java.time.LocalDate snapshotDate = rs.getObject(2, java.time.LocalDate.class);
            LocalDateTime publishedAt = rs.getObject(3, LocalDateTime.class);
            if (rs.next()) {
                throw new SQLException("run_meta holds more than one row");
            }
            if (runId == null || snapshotDate == null) {
                throw new SQLException("run_meta has a null run_id or snapshot_date");
            }
            return new RunStamp(snapshotDate, runId,
                    publishedAt == null ? null : publishedAt.toInstant(ZoneOffset.UTC));
        }
    }

    public Path file() {
        return file;
    }

    public RunStamp stamp() {
        return stamp;
    }

    public JdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
    }

    /**
     * Rows of a read query, from this file's cache when the same SQL, parameters and mapping
     * were asked before. The list is unmodifiable.
     *
     * @param mapping what identifies {@code mapper}'s output: the row type, or the mapper itself
     */
    public <T> List<T> query(String sql, Object mapping, Supplier<RowMapper<T>> mapper, Object... params) {
        // The mapper is built on a miss only: a record mapper costs reflection on every build.
        return cache.get(sql, mapping, params, () -> jdbcTemplate.query(sql, mapper.get(), params));
    }

    QueryCache cache() {
        return cache;
    }

    public JdbcClient jdbcClient() {
        return jdbcClient;
    }

    public Dimensions dimensions() {
        return dimensions;
    }

    /** Takes a reference; false if the database was already closed (the caller retries). */
    public boolean tryAcquire() {
        while (true) {
            int n = references.get();
            if (n <= 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the pool. */
    public void release() {
        int n = references.decrementAndGet();
        if (n == 0) {
            closeAll();
        } else if (n < 0) {
            LOG.warn("{} released more often than acquired", file.getFileName());
        }
    }

    boolean isClosed() {
        return references.get() <= 0;
    }

    private void closeAll() {
        Connection c;
        while ((c = idle.poll()) != null) {
            closeQuietly(c);
        }
        closeQuietly(root);
        LOG.info("closed {}", file.getFileName());
    }

    private Connection borrow() throws SQLException {
        boolean got;
        try {
            got = permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        if (!got) {
            throw new ServiceBusyException();
        }
        try {
            Connection c = idle.poll();
            if (c == null) {
                c = root.duplicate();
            }
            return pooled(c);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void giveBack(Connection c) {
        idle.offer(c);
        permits.release();
    }

    /** A connection whose close() returns it to the pool (once). */
    private Connection pooled(Connection target) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        if (!returned) {
                            returned = true;
                            giveBack(target);
                        }
                        return null;
                    case "isClosed":
                        return returned || target.isClosed();
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "toString":
                        return "pooled " + target;
                    default:
                        if (returned) {
                            throw new SQLException("connection already returned to the pool");
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(ServedDatabase.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing a connection failed: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + " (run " + stamp.runId() + ")";
    }

    /** The pool seen as a DataSource, for JdbcTemplate/JdbcClient. */
    private final class PoolDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return borrow();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return borrow();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
