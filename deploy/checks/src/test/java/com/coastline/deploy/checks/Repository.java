package com.coastline.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository the checks look at, and the tools they run on it ({@code kubectl}, {@code node},
 * {@code docker-compose}): the overlays rendered once per JVM, YAML read as plain maps and lists.
 */
final class Repository {

	/** The services as deployed: name, port (management port = port + 1000) and module. */
	static final List<String> SERVICES = List.of("portal-service", "identity-service", "project-service",
			"media-service", "automation-service", "notification-service");

	static final List<String> OVERLAYS = List.of("dev", "prod");

	static final Path ROOT = findRoot();

	private static final Map<String, List<Map<String, Object>>> rendered = new ConcurrentHashMap<>();

	private Repository() {
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("deploy/k8s/base/kustomization.yaml"))) {
			dir = dir.getParent();
		}
		return Objects.requireNonNull(dir, "Run from inside the repository (deploy/k8s/base not found)");
	}

	/** {@code kubectl kustomize deploy/k8s/overlays/<overlay>}, parsed, once per JVM. */
	static List<Map<String, Object>> render(String overlay) {
		return rendered.computeIfAbsent(overlay, o -> yamlDocuments(renderText(o)));
	}

	static String renderText(String overlay) {
		Result result = run(Duration.ofSeconds(30), ROOT, "kubectl", "kustomize", "deploy/k8s/overlays/" + overlay);
		if (result.exitCode() != 0) {
			throw new AssertionError("kubectl kustomize deploy/k8s/overlays/" + overlay + " failed:\n" + result.output());
		}
		return result.output();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yamlFile(Path file) {
		return (Map<String, Object>) yaml().load(read(file));
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(20 * 1024 * 1024);
		return new Yaml(options);
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The one document of this kind and name, or an assertion error naming what is missing. */
	static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
		return documents.stream()
			.filter(d -> kind.equals(d.get("kind")) && name.equals(path(d, "metadata.name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " named " + name));
	}

	static List<Map<String, Object>> all(List<Map<String, Object>> documents, String kind) {
		return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
	}

	/** A value at a dotted path of maps ({@code spec.template.spec}), or null. */
	@SuppressWarnings("unchecked")
	static <T> T path(Object node, String path) {
		Object current = node;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return (T) current;
	}

	/**
	 * The Kafka topics a service consumes: the {@code destination} of its {@code *-in-*} bindings in its
	 * application.yml (the same file the service runs with).
	 */
	static List<String> consumedTopics(String service) {
		Path yml = ROOT.resolve(module(service)).resolve("src/main/resources/application.yml");
		Map<String, Object> bindings = path(yamlFile(yml), "spring.cloud.stream.bindings");
		if (bindings == null) {
			return List.of();
		}
		return bindings.entrySet()
			.stream()
			.filter(e -> e.getKey().contains("-in-"))
			.map(e -> (String) path(e.getValue(), "destination"))
			.toList();
	}

	/** The environment variables a service's application.yml reads ({@code ${NAME:default}}). */
	static List<String> environmentVariables(String service) {
		Path yml = ROOT.resolve(module(service)).resolve("src/main/resources/application.yml");
		Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(read(yml));
		List<String> names = new ArrayList<>();
		while (matcher.find()) {
			if (!names.contains(matcher.group(1))) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	static String module(String service) {
		String name = service.substring(0, service.indexOf('-'));
		return service + "/" + name + "-app";
	}

	record Result(int exitCode, String output) {
	}

	/** Runs a command (stdout and stderr together) or fails the test if it is not installed. */
	static Result run(Duration timeout, Path dir, String... command) {
		try {
			Path output = Files.createTempFile("deploy-checks", ".out");
			Process process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
			}
			String text = Files.readString(output);
			Files.delete(output);
			return new Result(process.exitValue(), text);
		}
		catch (IOException ex) {
			throw new AssertionError("Could not run " + command[0] + " (" + ex.getMessage() + "). The deployment "
					+ "checks need kubectl, node with npm, and docker-compose on the PATH (deploy/checks/README.md).", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}
}
