package io.qinglang.platform.shared.application;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is the database being out of reach rather than a fault: no connection could be had (the pool timed
 * out, the server refused or dropped it, or it is shutting down). The request may simply be tried again.
 */
public final class DatabaseOutage {

    /** How long a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean is(Throwable e) {
        return cause(e) != null;
    }

    /**
     * Whether the database is there but every connection was in use for as long as a request may wait: the platform is
     * overloaded, not cut off (the pool's timeout carries no failure of its own then; when the database is away it
     * carries the last failed attempt to connect).
     */
    public static boolean busy(Throwable e) {
        return cause(e) instanceof SQLTransientConnectionException timeout && timeout.getCause() == null;
    }

    /** The failure's kind, for the log: never its message, which may name a host. */
    public static String describe(Throwable e) {
        Throwable cause = cause(e);
        return cause instanceof SQLException sql ? cause.getClass().getSimpleName() + " " + sql.getSQLState()
                : cause == null ? "" : cause.getClass().getSimpleName();
    }

    private static Throwable cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return t;
            }
            // 08: connection exception; 57P01-57P03: the server is shutting down, crashed, or not accepting yet
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
