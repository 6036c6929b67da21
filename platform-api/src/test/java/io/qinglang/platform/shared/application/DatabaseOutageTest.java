package io.qinglang.platform.shared.application;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    /** HikariCP's timeout when every connection stayed in use: no failure of its own. */
    private static final SQLTransientConnectionException ALL_IN_USE = new SQLTransientConnectionException(
            "qinglang - Connection is not available, request timed out after 5000ms (total=10, active=10, idle=0, waiting=40)");

    @Test
    void aPoolWhoseConnectionsAreAllInUseIsBusyNotAnOutage() {
        RuntimeException wrapped = new IllegalStateException("could not open a transaction", ALL_IN_USE);
        assertThat(DatabaseOutage.busy(wrapped)).isTrue();
        assertThat(DatabaseOutage.is(wrapped)).as("still worth retrying").isTrue();
    }

    @Test
    void aPoolThatCannotReachTheDatabaseIsAnOutageNotBusy() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException());
        var timedOut = new SQLTransientConnectionException("qinglang - Connection is not available, request timed out "
                + "after 5000ms (total=0, active=0, idle=0, waiting=3)", "08001", refused);
        assertThat(DatabaseOutage.busy(new IllegalStateException(timedOut))).isFalse();
        assertThat(DatabaseOutage.is(new IllegalStateException(timedOut))).isTrue();
        assertThat(DatabaseOutage.busy(new IllegalStateException(refused))).isFalse();
        assertThat(DatabaseOutage.busy(new IllegalStateException("a fault"))).isFalse();
    }
}
