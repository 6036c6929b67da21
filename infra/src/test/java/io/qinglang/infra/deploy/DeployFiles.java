package io.qinglang.infra.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of {@code infra/deploy} as plain maps and lists, read by SnakeYAML (Helidon's YAML configuration
 * brings it) with YAML merge keys ({@code <<: *anchor}) resolved, as Compose resolves them.
 */
final class DeployFiles {

    /** Surefire runs in the module's folder. */
    static final Path INFRA = Path.of("").toAbsolutePath();
    static final Path FOLDER = INFRA.resolve("deploy");

    private DeployFiles() {
    }

    /** The YAML files of {@code infra/deploy}, but those of the schema check's npm packages. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            return files.filter(file -> file.toString().matches(".*\\.ya?ml$"))
                    .filter(file -> !FOLDER.relativize(file).toString().contains("node_modules")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a file, each a map. */
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text(file))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> compose() {
        return documents(FOLDER.resolve("compose.yaml")).getFirst();
    }

    /** The Compose services that run the Qinglang image, by name. */
    static Map<String, Map<String, Object>> imageServices() {
        Map<String, Map<String, Object>> services = new TreeMap<>();
        at(compose(), "services").forEach((name, service) -> {
            if (String.valueOf(map(service).get("image")).startsWith("qinglang:")) {
                services.put(name, map(service));
            }
        });
        return services;
    }

    /** The server's Deployment. */
    static Map<String, Object> deployment() {
        return kubernetesObject("Deployment", "qinglang");
    }

    /** The Deployment's one container, the server. */
    static Map<String, Object> serverContainer() {
        return map(listAt(deployment(), "spec", "template", "spec", "containers").getFirst());
    }

    /** The provision-realm Job. */
    static Map<String, Object> provisioningJob() {
        return kubernetesObject("Job", "qinglang-provision-realm");
    }

    /** The variables a container gets: its env, and the keys of the ConfigMaps and Secrets it takes whole. */
    static Set<String> containerVariables(Map<String, Object> container) {
        Set<String> variables = new TreeSet<>();
        listAt(container, "env").forEach(variable -> variables.add((String) map(variable).get("name")));
        for (Object source : listAt(container, "envFrom")) {
            String configMap = (String) at(source, "configMapRef").get("name");
            String secret = (String) at(source, "secretRef").get("name");
            if (configMap != null) {
                variables.addAll(at(kubernetesObject("ConfigMap", configMap), "data").keySet());
            }
            if (secret != null) {
                variables.addAll(secretKeys(kubernetesObject("Secret", secret)));
            }
        }
        return variables;
    }

    /** The labels of the Deployment's pods. */
    static Map<String, Object> podLabels() {
        return at(deployment(), "spec", "template", "metadata", "labels");
    }

    /** The number of the container's port that {@code port} names (by name or number); fails if it declares none. */
    static int declaredPort(Map<String, Object> container, Object port) {
        return listAt(container, "ports").stream().map(DeployFiles::map)
                .filter(declared -> port.equals(declared.get("name")) || port.equals(declared.get("containerPort")))
                .map(declared -> (Integer) declared.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("the container declares no port " + port));
    }

    /** The keys a Secret holds. */
    static Set<String> secretKeys(Map<String, Object> secret) {
        Set<String> keys = new TreeSet<>(at(secret, "stringData").keySet());
        keys.addAll(at(secret, "data").keySet());
        return keys;
    }

    /** The variables an object sets: a ConfigMap's or Secret's keys, a workload's containers' env. */
    static Set<String> kubernetesVariables(Map<String, Object> object) {
        Set<String> variables = new TreeSet<>();
        switch (String.valueOf(object.get("kind"))) {
            case "ConfigMap" -> variables.addAll(at(object, "data").keySet());
            case "Secret" -> variables.addAll(secretKeys(object));
            case "Deployment", "Job" -> listAt(object, "spec", "template", "spec", "containers").forEach(container ->
                    listAt(container, "env").forEach(variable -> variables.add((String) map(variable).get("name"))));
            default -> { }
        }
        return variables;
    }

    /** Every Kubernetes object under {@code deploy/k8s}, the kustomization too. */
    static List<Map<String, Object>> kubernetesObjects() {
        return yamlFiles().stream().filter(file -> file.startsWith(FOLDER.resolve("k8s")))
                .flatMap(file -> documents(file).stream()).toList();
    }

    static Map<String, Object> kubernetesObject(String kind, String name) {
        return kubernetesObjects().stream()
                .filter(object -> kind.equals(object.get("kind")) && name.equals(at(object, "metadata").get("name")))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no %s %s in deploy/k8s".formatted(kind, name)));
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The map at {@code path} below {@code node}; an empty map where there is none. */
    static Map<String, Object> at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current == null ? null : map(current).get(step);
        }
        return current == null ? Map.of() : map(current);
    }

    /** The list at {@code path} below {@code node}; an empty list where there is none. */
    static List<Object> listAt(Object node, String... path) {
        String[] parent = Arrays.copyOf(path, path.length - 1);
        Object list = at(node, parent).get(path[path.length - 1]);
        return list == null ? List.of() : castList(list);
    }

    /** A Compose service's environment, given as a map or as a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> environment.put(name.toString(), String.valueOf(value)));
        } else if (declared instanceof List<?> lines) {
            lines.forEach(line -> {
                String[] parts = line.toString().split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object node) {
        if (!(node instanceof List<?>)) {
            throw new IllegalArgumentException("not a list: " + node);
        }
        return (List<Object>) node;
    }
}
