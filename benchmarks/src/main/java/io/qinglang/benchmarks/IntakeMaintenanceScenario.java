package io.qinglang.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Intake through the platform with the statistics triggers off against the same intake with them on (as the
 * platform runs): what keeping the statistics up to date costs each report. "Off" is measured first, so that the
 * warming up of a run favours the side with the statistics kept, not the other way round.
 */
final class IntakeMaintenanceScenario extends IntakeTwoWays {

    private static final String TRIGGERS = "alter table case_events %1$s trigger statistics_on_event; "
            + "alter table case_deadlines %1$s trigger statistics_on_stage; "
            + "alter table case_deadlines %1$s trigger statistics_on_stage_written_complete";

    private final BenchPlatform platform;

    IntakeMaintenanceScenario(PlatformClient client, BenchTenant tenant, BenchPlatform platform) {
        super(client, tenant, "intake+stats", "statistics off", "statistics kept");
        this.platform = platform;
    }

    @Override
    public void beforePlatform() throws SQLException {
        triggers("disable");
    }

    @Override
    public void beforeBaseline() throws SQLException {
        triggers("enable");
    }

    @Override
    public void after() throws SQLException {
        triggers("enable");
    }

    private void triggers(String how) throws SQLException {
        try (Connection owner = platform.ownerConnection(); Statement s = owner.createStatement()) {
            s.execute(String.format(TRIGGERS, how));
        }
    }
}
