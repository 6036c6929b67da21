package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.infra.crypto.HmacSecretHasher;
import io.qinglang.infra.crypto.PlatformKeys;
import io.qinglang.platform.cases.application.ReporterSecrets;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The open-loop load generator, run by {@link OpenLoopScenario} as a process of its own so that its threads and
 * garbage are not the measured server's. It sends reports or receipt lookups either to the platform over HTTP or as
 * the same SQL over JDBC (the baseline: then it is the database's client itself), at each rate of a list in turn, and
 * prints one {@code STEP} line (JSON) per rate, stopping after the first rate not held. Before the first step it
 * sends {@value #WARMUP} requests closed loop, not counted. Where to send comes from the
 * environment ({@code QB_*}: the keys are secrets, kept off the command line).
 *
 * <p>Arguments: {@code platform|baseline intake|lookup RATES STEP_SECONDS P99_LIMIT_MS}, RATES comma-separated.
 */
public final class OpenLoopGenerator {

    /** Requests out at once beyond which the rate counts as not held. */
    static final int MAX_OUTSTANDING = 2_000;
    /** Receipts handed out (closed loop, before measuring) for the lookups to look up. */
    static final int RECEIPTS = 1_000;
    /** Requests sent closed loop before the first step, not counted: the JIT, the pools and the caches settle. */
    static final int WARMUP = 2_000;

    private OpenLoopGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String side = args[0];
        String kind = args[1];
        List<Double> rates = java.util.Arrays.stream(args[2].split(",")).map(Double::parseDouble).toList();
        Duration step = Duration.ofSeconds(Long.parseLong(args[3]));
        double limit = Double.parseDouble(args[4]);
        Map<String, String> env = System.getenv();
        String slug = env.get("QB_SLUG");
        Request intake;
        Request lookup;
        Receipts receipts = new Receipts();
        BaselineDatabase database = null;
        if (side.equals("platform")) {
            PlatformClient client = new PlatformClient(env.get("QB_BASE_URL"));
            intake = index -> receipts.add(client.postJson("/api/v1/tenants/" + slug + "/reports", IntakeScenario.REPORT,
                    null).path("receiptCode").asText());
            lookup = index -> {
                ObjectNode body = PlatformClient.JSON.createObjectNode().put("receiptCode", receipts.get(index));
                client.postJson("/api/v1/tenants/" + slug + "/tracking", PlatformClient.json(body), null);
            };
        } else {
            database = new BaselineDatabase(env.get("QB_JDBC_URL"), env.get("QB_APP_USER"), env.get("QB_APP_PASSWORD"),
                    Integer.parseInt(env.get("QB_POOL_SIZE")));
            ReporterSecrets secrets = new ReporterSecrets(new HmacSecretHasher(new PlatformKeys(env.get("QB_MASTER_KEY"),
                    env.get("QB_RECEIPT_KEY"))));
            BaselineIntake baselineIntake = new BaselineIntake(database, secrets);
            BaselineLookup baselineLookup = new BaselineLookup(database, secrets);
            intake = index -> receipts.add(baselineIntake.submit(slug, IntakeScenario.CHANNEL, IntakeScenario.CATEGORY));
            lookup = index -> baselineLookup.track(slug, receipts.get(index));
        }
        try {
            Request measured = kind.equals("lookup") ? lookup : intake;
            ConcurrentClients closedLoop = new ConcurrentClients(8, Duration.ofMinutes(5), Duration.ZERO);
            if (kind.equals("lookup")) {
                System.out.println("handing out " + RECEIPTS + " receipts to look up …");
                closedLoop.send(intake, RECEIPTS);
            }
            System.out.println("warm-up: " + WARMUP + " requests from 8 clients, not counted …");
            closedLoop.send(measured, WARMUP);
            for (double rate : rates) {
                OpenLoop.Step result = OpenLoop.run(measured, rate, step, MAX_OUTSTANDING);
                System.out.println("STEP " + PlatformClient.JSON.writeValueAsString(result));
                if (!result.held(limit)) {
                    break;
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
