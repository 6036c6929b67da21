package io.qinglang.benchmarks;

import io.qinglang.platform.cases.application.ReporterSecrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The benchmark harness ({@code ./qinglang bench}, run from the project root): starts the platform on the
 * embedded PostgreSQL with a real Keycloak, measures each {@link Scenario} through the platform and as its
 * plain-JDBC baseline in the same run, prints the table and writes {@code benchmarks/target/bench-results.json}.
 * Not part of the test suite.
 */
public final class Benchmark {

    private static final Path TARGET = Path.of("benchmarks", "target");

    private Benchmark() {
    }

    public static void main(String[] args) {
        if (BenchOptions.wantsHelp(args)) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run(options);
        } catch (Exception e) {
            System.err.println("[bench] failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int run(BenchOptions options) throws Exception {
        Instant began = Instant.now();
        Path folder = TARGET.resolve("bench-env")
                .resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        PlatformLog.redirectTo(folder.resolve("platform.log"));
        progress("run folder " + folder + " (the platform's log: platform.log)");
        progress("starting PostgreSQL, Keycloak and the platform …");
        int status;
        try (BenchPlatform platform = BenchPlatform.start(folder, keycloakZip(), keycloakCache(), options.traceSql(),
                Benchmark::progress)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(platform), "bench-stop"));
            Duration startup = Duration.between(began, Instant.now());
            status = measureAndReport(platform, options, began, startup, folder);
            progress("stopping the platform and the environment …");
        }
        progress(String.format(Locale.ROOT, "total run time %.0f s", Duration.between(began, Instant.now()).toMillis() / 1e3));
        return status;
    }

    private static int measureAndReport(BenchPlatform platform, BenchOptions options, Instant began, Duration startup,
                                        Path folder) throws Exception {
        int status = options.openLoopOnly() ? 0 : closedLoop(platform, options, began, startup, folder);
        if (options.authOnly() || !options.only().isEmpty()) {
            return status;
        }
        List<OpenLoopScenario.Result> openLoop = new OpenLoopScenario(platform, options, folder, Benchmark::progress).run();
        OpenLoopScenario.print(openLoop, options, System.out);
        Path json = TARGET.resolve("bench-open-loop.json").toAbsolutePath();
        OpenLoopScenario.write(openLoop, options, json);
        System.out.println("Written to " + json);
        return status;
    }

    /** The closed-loop scenarios: each through the platform and as its baseline, with a fixed number of clients. */
    private static int closedLoop(BenchPlatform platform, BenchOptions options, Instant began, Duration startup,
                                  Path folder) throws Exception {
        try (BaselineDatabase database = new BaselineDatabase(platform.endpoints(), platform.poolSize());
             LockWaitSampler lockWaits = new LockWaitSampler(platform.ownerConnection())) {
            progress("baseline: JDBC pool of " + platform.poolSize() + " connections as " + platform.endpoints().appUser());
            List<ScenarioResult> results = new ArrayList<>();
            for (Scenario scenario : chosen(scenarios(platform, database, options), options.only())) {
                results.add(measure(scenario, options, lockWaits, folder));
            }
            Report report = new Report(options, machineFacts(platform), results, began, startup,
                    Duration.between(began, Instant.now()));
            ResultTable.print(report, System.out);
            Path json = TARGET.resolve("bench-results.json").toAbsolutePath();
            ResultsJson.write(report, json);
            System.out.println("Written to " + json);
            return report.anyFailed() ? 1 : 0;
        }
    }

    /** The scenarios named (all when none is); a name that is no scenario's is refused with the names there are. */
    static List<Scenario> chosen(List<Scenario> scenarios, List<String> only) {
        List<String> names = scenarios.stream().map(Scenario::name).toList();
        for (String name : only) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("--only: no scenario is called '" + name + "'; there are " + names);
            }
        }
        return only.isEmpty() ? scenarios : scenarios.stream().filter(s -> only.contains(s.name())).toList();
    }

    /**
     * The scenarios, in the order they run: lookups use the receipts the intake handed out; the statistics pages
     * need two more tenants, seeded first. With {@code --auth-only}, only the token check's, at the small tenant.
     */
    static List<Scenario> scenarios(BenchPlatform platform, BaselineDatabase database, BenchOptions options)
            throws Exception {
        ReporterSecrets secrets = new ReporterSecrets(platform.secretHasher());
        PlatformClient client = platform.client();
        Receipts platformReceipts = new Receipts();
        Receipts baselineReceipts = new Receipts();
        BenchTenant small = seeded(platform, BenchOptions.SMALL_STATISTICS_CASES);
        // one sign-in per admin: activating the account again would set a new password under an earlier supplier
        Supplier<String> smallAdmin = TenantOnboarding.admin(client, platform.endpoints(), small);
        if (options.authOnly()) {
            return List.of(TokenCheckScenario.create(client, platform.endpoints(), small, smallAdmin,
                    Benchmark::progress));
        }
        BenchTenant large = seeded(platform, options.statisticsCases());
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        String lastYear = Integer.toString(lastMonth.getYear() - 1);
        // one admin asking for one report at a time polls often (10 ms), so the time measured is the report's
        ReportGeneration largeReports = new ReportGeneration(client, large,
                TenantOnboarding.admin(client, platform.endpoints(), large), 10);
        ReportGeneration smallReports = new ReportGeneration(client, small, smallAdmin, 10);
        BaselineLookup lookups = new BaselineLookup(database, secrets);
        return List.of(
                new IntakeScenario(client, platform.tenant(), new BaselineIntake(database, secrets),
                        platformReceipts, baselineReceipts),
                new LookupScenario(client, platform.tenant(), lookups, platformReceipts, baselineReceipts),
                LookupScenario.floor(client, platform.tenant(), lookups, platformReceipts, baselineReceipts),
                LookupScenario.withoutHttp(platform.tenant(), lookups, platformReceipts, baselineReceipts),
                new StatisticsPageScenario(client, large, options.statisticsCases(), small,
                        BenchOptions.SMALL_STATISTICS_CASES, lastMonth.toString()),
                new StatisticsPageScenario(client, large, options.statisticsCases(), small,
                        BenchOptions.SMALL_STATISTICS_CASES, lastYear),
                new CaseListPageScenario(client, large, options.statisticsCases(), small,
                        BenchOptions.SMALL_STATISTICS_CASES, "newest", ""),
                new CaseListPageScenario(client, large, options.statisticsCases(), small,
                        BenchOptions.SMALL_STATISTICS_CASES, "in-prog", "?status=IN_PROGRESS&sort=receivedAt"),
                TokenCheckScenario.create(client, platform.endpoints(), small, smallAdmin, Benchmark::progress),
                new IntakeMaintenanceScenario(client, platform.tenant(), platform),
                new ReportScenario(largeReports, options.statisticsCases(), smallReports,
                        BenchOptions.SMALL_STATISTICS_CASES, lastMonth.toString()),
                new ReportScenario(largeReports, options.statisticsCases(), smallReports,
                        BenchOptions.SMALL_STATISTICS_CASES, lastYear),
                // while intake is measured, asking how far a report got every 250 ms adds little load of its own
                new IntakeWhileReportingScenario(client, platform.tenant(), largeReports.polling(250), lastYear));
    }

    /** A tenant onboarded over HTTP and seeded by SQL with this many cases over the last 24 months. */
    private static BenchTenant seeded(BenchPlatform platform, int cases) throws Exception {
        BenchTenant tenant = TenantOnboarding.onboard(platform.client(), platform.endpoints());
        try (Connection owner = platform.ownerConnection()) {
            StatisticsSeed.seed(owner, tenant, cases, Benchmark::progress);
        }
        return tenant;
    }

    private static ScenarioResult measure(Scenario scenario, BenchOptions options, LockWaitSampler lockWaits,
                                          Path folder) throws Exception {
        ConcurrentClients clients = new ConcurrentClients(scenario.clients(options), options.phaseLimit(), options.settleLimit());
        MeasuredSide platform = new MeasuredSide(scenario.name() + ": " + scenario.platformSide(),
                scenario::beforePlatform, scenario.platform(), options, folder);
        MeasuredSide baseline = new MeasuredSide(scenario.name() + ": " + scenario.baselineSide(),
                scenario::beforeBaseline, scenario.baseline(), options, folder);
        int rounds = scenario.rounds();
        int requests = scenario.requests(options);
        try {
            for (int round = 0; round < rounds; round++) {
                int warmup = round == 0 ? scenario.warmup(options) : 0;
                int share = requests / rounds + (round < requests % rounds ? 1 : 0);
                String turn = rounds == 1 ? "" : " (round " + (round + 1) + " of " + rounds + ")";
                // every other round the baseline goes first, so that a drift during the run weighs on both alike
                for (MeasuredSide side : round % 2 == 0 ? List.of(platform, baseline) : List.of(baseline, platform)) {
                    side.measure(clients, turn, warmup, share, lockWaits);
                }
            }
        } finally {
            scenario.after();
        }
        return new ScenarioResult(scenario.name(), scenario.platformSide(), scenario.baselineSide(),
                platform.merged(), baseline.merged());
    }

    private static MachineFacts machineFacts(BenchPlatform platform) throws SQLException {
        try (Connection owner = platform.ownerConnection()) {
            return MachineFacts.observe(owner);
        }
    }

    private static Path keycloakZip() throws IOException {
        Path zip = Path.of(System.getProperty("qinglang.keycloak.dist", "infra/target/keycloak/keycloak-dist.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no Keycloak distribution at " + zip.toAbsolutePath() + ": run from the project root "
                    + "after building (./qinglang build), or set -Dqinglang.keycloak.dist");
        }
        return zip;
    }

    private static Path keycloakCache() {
        return Path.of(System.getProperty("qinglang.keycloak.cache", System.getProperty("user.home") + "/.cache/qinglang"));
    }

    /** On Ctrl-C or a kill: the environment's processes must not outlive this JVM. */
    private static void stopQuietly(BenchPlatform platform) {
        if (!platform.running()) {
            return;
        }
        progress("interrupted: stopping the platform and the environment …");
        try {
            platform.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("[bench] " + e.getMessage());
        }
    }

    static void progress(String line) {
        System.out.println("[bench] " + line);
    }
}
