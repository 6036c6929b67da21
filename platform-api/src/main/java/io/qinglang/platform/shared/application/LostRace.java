package io.qinglang.platform.shared.application;

import jakarta.persistence.OptimisticLockException;

import java.sql.SQLException;

/**
 * Whether a failure is a lost race: two requests changed one thing at once and the database kept the first (an
 * optimistic lock on the version column, or a unique key taken meanwhile). The loser is told of the conflict (409),
 * as when it named a version already gone; it is no fault of the platform.
 */
public final class LostRace {

    private static final String UNIQUE_VIOLATION = "23505";

    private LostRace() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
