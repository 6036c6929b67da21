package io.qinglang.infra.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qinglang.infra.deploy.DeployFiles.FOLDER;
import static io.qinglang.infra.deploy.DeployFiles.at;
import static io.qinglang.infra.deploy.DeployFiles.declaredPort;
import static io.qinglang.infra.deploy.DeployFiles.deployment;
import static io.qinglang.infra.deploy.DeployFiles.compose;
import static io.qinglang.infra.deploy.DeployFiles.containerVariables;
import static io.qinglang.infra.deploy.DeployFiles.documents;
import static io.qinglang.infra.deploy.DeployFiles.environment;
import static io.qinglang.infra.deploy.DeployFiles.imageServices;
import static io.qinglang.infra.deploy.DeployFiles.kubernetesObject;
import static io.qinglang.infra.deploy.DeployFiles.kubernetesObjects;
import static io.qinglang.infra.deploy.DeployFiles.kubernetesVariables;
import static io.qinglang.infra.deploy.DeployFiles.listAt;
import static io.qinglang.infra.deploy.DeployFiles.map;
import static io.qinglang.infra.deploy.DeployFiles.podLabels;
import static io.qinglang.infra.deploy.DeployFiles.provisioningJob;
import static io.qinglang.infra.deploy.DeployFiles.serverContainer;
import static io.qinglang.infra.deploy.DeployFiles.text;
import static io.qinglang.infra.deploy.DeployFiles.yamlFiles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compose and Kubernetes files of {@code infra/deploy} against the server they deploy: its port, health
 * endpoints and configuration keys as the code has them, and the image's non-root user. Nothing here runs a
 * container; what the files say is read and compared.
 */
class DeploymentFilesTest {

    private static final ConfigurationKeys KEYS = ConfigurationKeys.of(DeployFiles.INFRA);
    private static final int SERVER_PORT = Integer.parseInt(KEYS.defaultValue("server.port"));
    private static final int METRICS_PORT = 9090;
    private static final int IMAGE_USER = 65532;
    private static final String NAMESPACE = "qinglang";

    @Test
    void everyYamlFileParsesAndEveryKubernetesObjectSitsInTheNamespace() {
        assertThat(yamlFiles()).extracting(file -> FOLDER.relativize(file).toString()).contains("compose.yaml",
                "k8s/deployment.yaml", "k8s/service.yaml", "k8s/pdb.yaml", "k8s/configmap.yaml",
                "k8s/secret.example.yaml", "k8s/job-provision-realm.yaml", "k8s/kustomization.yaml");
        yamlFiles().forEach(file -> assertThat(documents(file)).as(file.toString()).isNotEmpty());
        for (Map<String, Object> object : kubernetesObjects()) {
            assertThat(object).as(object.toString()).containsKeys("apiVersion", "kind");
            if ("Kustomization".equals(object.get("kind"))) {
                assertThat(object.get("namespace")).isEqualTo(NAMESPACE);
            } else if (!"Namespace".equals(object.get("kind"))) {
                Map<String, Object> metadata = at(object, "metadata");
                assertThat(metadata.get("namespace")).as(object.get("kind") + " " + metadata).isEqualTo(NAMESPACE);
            }
        }
    }

    @Test
    void theProbesAskTheHealthEndpointsOnThePortTheServerListensOn() {
        Map<String, Object> server = serverContainer();
        assertThat(at(server, "readinessProbe", "httpGet").get("path")).isEqualTo("/health/ready");
        assertThat(at(server, "livenessProbe", "httpGet").get("path")).isEqualTo("/health/live");
        assertThat(at(server, "startupProbe", "httpGet").get("path")).isIn("/health/live", "/health/ready");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            Object port = at(server, probe, "httpGet").get("port");
            assertThat(declaredPort(server, port)).as(probe).isEqualTo(SERVER_PORT);
        }
        assertThat(SERVER_PORT).isEqualTo(8080);
    }

    @Test
    void theServiceAndIngressReachTheServersHttpPortAndNeverItsMetrics() {
        Map<String, Object> service = kubernetesObject("Service", "qinglang");
        assertThat(podLabels()).containsAllEntriesOf(map(at(service, "spec", "selector")));
        for (Object port : listAt(service, "spec", "ports")) {
            assertThat(declaredPort(serverContainer(), map(port).get("targetPort"))).isEqualTo(SERVER_PORT);
        }
        assertThat(declaredPort(serverContainer(), "metrics")).isEqualTo(METRICS_PORT);
        Map<String, Object> ingress = documents(FOLDER.resolve("k8s/ingress.example.yaml")).getFirst();
        for (Object rule : listAt(ingress, "spec", "rules")) {
            for (Object path : listAt(rule, "http", "paths")) {
                Map<String, Object> backend = at(path, "backend", "service");
                assertThat(backend.get("name")).isEqualTo("qinglang");
                assertThat(listAt(service, "spec", "ports")).anySatisfy(port ->
                        assertThat(map(port).values()).contains(at(backend, "port").values().iterator().next()));
            }
        }
    }

    @Test
    void theDisruptionBudgetKeepsOneOfTheDeploymentsPods() {
        Map<String, Object> budget = kubernetesObject("PodDisruptionBudget", "qinglang");
        assertThat(podLabels()).containsAllEntriesOf(at(budget, "spec", "selector", "matchLabels"));
        assertThat(at(budget, "spec").get("minAvailable")).isEqualTo(1);
        assertThat((Integer) at(deployment(), "spec").get("replicas")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePodsRunAsTheImagesUserOnAReadOnlyFilesystemWritingOnlyToTmp() {
        for (Map<String, Object> workload : List.of(deployment(), provisioningJob())) {
            Map<String, Object> pod = at(workload, "spec", "template", "spec");
            assertThat(at(pod, "securityContext")).containsEntry("runAsNonRoot", true)
                    .containsEntry("runAsUser", IMAGE_USER);
            for (Object container : listAt(pod, "containers")) {
                Map<String, Object> security = at(container, "securityContext");
                assertThat(security).containsEntry("readOnlyRootFilesystem", true)
                        .containsEntry("allowPrivilegeEscalation", false);
                assertThat(security.getOrDefault("runAsUser", IMAGE_USER)).isEqualTo(IMAGE_USER);
                assertThat(listAt(security, "capabilities", "drop")).contains("ALL");
                String tmp = listAt(container, "volumeMounts").stream().map(DeployFiles::map)
                        .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                        .map(mount -> (String) mount.get("name")).findFirst().orElseThrow();
                assertThat(listAt(pod, "volumes")).anySatisfy(volume ->
                        assertThat(map(volume)).containsEntry("name", tmp).containsKey("emptyDir"));
            }
        }
    }

    @Test
    void theComposeContainersOfTheImageRunAsItsUserReadOnlyAndPublishNoPort() {
        assertThat(imageServices()).containsKeys("qinglang-1", "qinglang-2", "provision-realm");
        imageServices().forEach((name, service) -> {
            assertThat(service.get("user")).as(name).isEqualTo(IMAGE_USER + ":" + IMAGE_USER);
            assertThat(service).as(name).containsEntry("read_only", true).doesNotContainKey("ports");
            assertThat(listAt(service, "tmpfs")).as(name)
                    .anySatisfy(tmpfs -> assertThat(tmpfs.toString().split(":")[0]).isEqualTo("/tmp"));
            assertThat(listAt(service, "cap_drop")).as(name).contains("ALL");
        });
    }

    @Test
    void everyQinglangVariableSetIsAKeyTheCodeReadsOrTheEntryPointsOwn() {
        Set<String> set = new TreeSet<>();
        imageServices().values().forEach(service -> set.addAll(environment(service).keySet()));
        kubernetesObjects().forEach(object -> set.addAll(kubernetesVariables(object)));
        Matcher assignments = Pattern.compile("(?m)^([A-Z0-9_]+)=").matcher(text(FOLDER.resolve(".env.example")));
        while (assignments.find()) {
            set.add(assignments.group(1));
        }
        set.removeIf(variable -> !variable.startsWith("QINGLANG_"));
        assertThat(set).contains("QINGLANG_DB_URL", "QINGLANG_PUBLIC_URL");
        Set<String> unknown = new TreeSet<>(set);
        unknown.removeAll(KEYS.knownVariables());
        assertThat(unknown).as("set in infra/deploy, but read by no code").isEmpty();
    }

    @Test
    void everyKeyWithoutADefaultReachesTheServerInComposeAndKubernetes() {
        Set<String> required = KEYS.requiredVariables();
        assertThat(required).contains("QINGLANG_DB_OWNER_PASSWORD", "QINGLANG_DB_APP_PASSWORD",
                "QINGLANG_KEYCLOAK_CLIENT_SECRET", "QINGLANG_CRYPTO_MASTER_KEY", "QINGLANG_CRYPTO_RECEIPT_KEY");
        for (String node : List.of("qinglang-1", "qinglang-2")) {
            assertThat(environment(imageServices().get(node))).as(node).containsKeys(required.toArray(String[]::new));
        }
        assertThat(containerVariables(serverContainer())).containsAll(required);
    }

    @Test
    void composeFindsEveryVariableItInterpolatesInTheEnvFileExample() {
        Set<String> interpolated = new TreeSet<>();
        // ${NAME}, ${NAME:-default}, ${NAME:?message}; $${...} is a dollar for the container, no interpolation
        Matcher references = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z0-9_]+)")
                .matcher(text(FOLDER.resolve("compose.yaml")));
        while (references.find()) {
            interpolated.add(references.group(1));
        }
        assertThat(interpolated).contains("QINGLANG_CRYPTO_MASTER_KEY", "PUBLIC_HOST");
        assertThat(text(FOLDER.resolve(".env.example")))
                .contains(interpolated.stream().map(name -> "\n" + name + "=").toList());
    }

    @Test
    void provisioningIsAnArgumentOfTheEntryPointNeverAnotherEntryPoint() {
        Map<String, Object> provisioning = imageServices().get("provision-realm");
        assertThat(provisioning.get("command")).isEqualTo(List.of("provision-realm"));
        imageServices().values().forEach(service -> assertThat(service).doesNotContainKey("entrypoint"));
        assertThat(imageServices().get("qinglang-1")).doesNotContainKey("command");
        Map<String, Object> job = map(listAt(provisioningJob(), "spec", "template", "spec", "containers").getFirst());
        assertThat(job.get("args")).isEqualTo(List.of("provision-realm"));
        assertThat(job).doesNotContainKey("command");
        assertThat(serverContainer()).doesNotContainKeys("command", "args");
    }

    @Test
    void composeRunsTheKeycloakTheIntegrationTestsRunAgainst() {
        Matcher version = Pattern.compile("<version.keycloak.server>([^<]+)<")
                .matcher(text(DeployFiles.INFRA.resolveSibling("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(at(compose(), "services", "keycloak").get("image"))
                .isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
    }

    @Test
    void caddyProxiesOnlyToTheServersHttpPort() {
        String caddyfile = text(FOLDER.resolve("Caddyfile"));
        Matcher upstreams = Pattern.compile("qinglang-\\d+:(\\d+)").matcher(caddyfile);
        int found = 0;
        while (upstreams.find()) {
            assertThat(Integer.parseInt(upstreams.group(1))).isEqualTo(SERVER_PORT);
            found++;
        }
        assertThat(found).isEqualTo(2);
        assertThat(caddyfile).doesNotContain(":" + METRICS_PORT).contains("health_uri /health/ready");
    }
}
