package com.coastline.deploy.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.coastline.deploy.checks.Repository.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboards and the Prometheus alert rules query is one the services export:
 * listed in {@code deploy/observability/exported-metrics.txt}, which was written from a real scrape of
 * the running services (its header says how). A test against a running stack can compare that list with
 * a fresh scrape.
 */
class ObservabilityMetricsTest {

	private static final Path OBSERVABILITY = Repository.ROOT.resolve("deploy/observability");

	/** Series Prometheus makes itself for every target, not exported by a service. */
	private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

	static List<String> services() {
		return Repository.SERVICES;
	}

	@ParameterizedTest
	@MethodSource("services")
	void dashboardQueriesOnlyExportedMetrics(String service) {
		JsonNode dashboard = JsonMapper.shared()
			.readTree(Repository.read(OBSERVABILITY.resolve("grafana/" + service + ".json")));
		assertThat(dashboard.path("uid").asString()).isEqualTo("coastline-" + service);
		List<String> expressions = new ArrayList<>();
		collectExpressions(dashboard.path("panels"), expressions);
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
		assertThat(expressions).allMatch(e -> e.contains("application=\"" + service + "\""));
		Set<String> queried = expressions.stream()
			.flatMap(e -> PromQl.metricNames(e).stream())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(queried).contains("http_server_requests_seconds_count", "coastline_outbox_backlog",
				"coastline_outbox_oldest_age_seconds", "coastline_messaging_dead_letters_total");
		assertThat(exported()).as("exported-metrics.txt").containsAll(queried);
	}

	@Test
	void alertRulesQueryOnlyExportedMetrics() {
		Map<String, Object> rules = Repository.yamlFile(OBSERVABILITY.resolve("alert-rules.yml"));
		List<Map<String, Object>> groups = path(rules, "groups");
		Set<String> alerts = new TreeSet<>();
		Set<String> queried = new TreeSet<>();
		for (Map<String, Object> group : groups) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				alerts.add((String) rule.get("alert"));
				assertThat((String) path(rule, "labels.severity")).isIn("warning", "critical");
				queried.addAll(PromQl.metricNames((String) rule.get("expr")));
			}
		}
		assertThat(alerts).contains("CoastlineDeadLettersGrowing", "CoastlineOutboxBacklogOld", "CoastlineConsumerLag",
				"CoastlineEmailFailureRate", "CoastlineCircuitBreakerOpen");
		Set<String> known = new TreeSet<>(exported());
		known.addAll(PROMETHEUS_SERIES);
		assertThat(known).as("exported-metrics.txt").containsAll(queried);
		// Every alert is explained in the operations guide.
		String operations = Repository.read(Repository.ROOT.resolve("docs/operations.md"));
		assertThat(alerts).allMatch(operations::contains);
	}

	@Test
	void exportedMetricsSaysWhereItCameFrom() throws Exception {
		List<String> lines = Files.readAllLines(OBSERVABILITY.resolve("exported-metrics.txt"));
		assertThat(lines.stream().takeWhile(l -> l.startsWith("#")).collect(Collectors.joining("\n")))
			.contains("/actuator/prometheus");
		assertThat(exported()).hasSizeGreaterThan(100).allMatch(name -> name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*"));
	}

	private static Set<String> exported() {
		return Repository.read(OBSERVABILITY.resolve("exported-metrics.txt"))
			.lines()
			.map(String::strip)
			.filter(l -> !l.isEmpty() && !l.startsWith("#"))
			.map(l -> l.split("\\s+")[0])
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static void collectExpressions(JsonNode panels, List<String> expressions) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(target.path("expr").asString());
			}
			collectExpressions(panel.path("panels"), expressions);
		}
	}
}
