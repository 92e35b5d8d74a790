package dev.credkit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small fixed-size JDBC connection pool: at most {@code size} connections, borrowers wait up to
 * a few seconds for one. Plain JDBC, so it works with any driver on the class path (H2 embedded
 * by default, PostgreSQL when its driver is added).
 */
final class ConnectionPool implements AutoCloseable {
    /** Work done with a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final String url;
    private final String user;
    private final String password;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(String url, String user, String password, int size) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.permits = new Semaphore(size, true);
    }

    /** Runs {@code work} with a connection in auto-commit mode. */
    <T> T withConnection(SqlWork<T> work) throws SQLException {
        Connection c = borrow();
        boolean broken = true;
        try {
            T result = work.apply(c);
            broken = false;
            return result;
        } finally {
            giveBack(c, broken);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        Connection c = borrow();
        boolean broken = true;
        try {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                broken = false;
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } finally {
            giveBack(c, broken);
        }
    }

    private Connection borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new SQLException("no database connection became free within 10 s", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", "08001");
        }
        try {
            Connection c;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the database is closed", "08003");
                }
                c = idle.pollFirst();
            }
            if (c == null) {
                c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** A connection whose work failed is checked before it is reused; a dead one is dropped. */
    private void giveBack(Connection c, boolean suspect) {
        try {
            boolean keep;
            try {
                keep = !c.isClosed() && (!suspect || c.isValid(2));
            } catch (SQLException e) {
                keep = false;
            }
            synchronized (this) {
                if (keep && !closed) {
                    idle.addFirst(c);
                    return;
                }
            }
            closeQuietly(c);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (Connection c : idle) {
                closeQuietly(c);
            }
            idle.clear();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection that already failed: nothing left to do
        }
    }
}
