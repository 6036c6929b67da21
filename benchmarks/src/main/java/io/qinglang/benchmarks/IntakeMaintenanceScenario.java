package io.qinglang.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Intake through the platform with the statistics triggers off against the same intake with them on (as the
 * platform runs): what keeping the statistics up to date costs each report. "Off" is measured first, so that the
 * warming up of a run favours the side with the statistics kept, not the other way round.
 */
final class IntakeMaintenanceScenario implements Scenario {

    private static final String TRIGGERS = "alter table case_events %1$s trigger statistics_on_event; "
            + "alter table case_deadlines %1$s trigger statistics_on_stage; "
            + "alter table case_deadlines %1$s trigger statistics_on_stage_written_complete";

    private final PlatformClient client;
    private final BenchTenant tenant;
    private final BenchPlatform platform;

    IntakeMaintenanceScenario(PlatformClient client, BenchTenant tenant, BenchPlatform platform) {
        this.client = client;
        this.tenant = tenant;
        this.platform = platform;
    }

    @Override
    public String name() {
        return "intake+stats";
    }

    @Override
    public String platformSide() {
        return "statistics off";
    }

    @Override
    public String baselineSide() {
        return "statistics kept";
    }

    @Override
    public Request platform() {
        return IntakeScenario.intake(client, tenant);
    }

    @Override
    public Request baseline() {
        return platform();
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
