package io.qinglang.benchmarks;

/**
 * Intake through the platform measured twice, without and then with something else going on (statistics kept,
 * reports being made): what that costs reporters. The quiet side is measured first, so that the warming up of a run
 * favours the side with the extra work, not the other way round. Subclasses switch the extra work on and off.
 */
abstract class IntakeTwoWays implements Scenario {

    private final PlatformClient client;
    private final BenchTenant tenant;
    private final String name;
    private final String without;
    private final String with;

    IntakeTwoWays(PlatformClient client, BenchTenant tenant, String name, String without, String with) {
        this.client = client;
        this.tenant = tenant;
        this.name = name;
        this.without = without;
        this.with = with;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String platformSide() {
        return without;
    }

    @Override
    public String baselineSide() {
        return with;
    }

    @Override
    public Request platform() {
        return IntakeScenario.intake(client, tenant);
    }

    @Override
    public Request baseline() {
        return platform();
    }
}
