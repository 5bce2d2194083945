package com.coastline.deploy.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.deploy.checks.Repository.all;
import static com.coastline.deploy.checks.Repository.find;
import static com.coastline.deploy.checks.Repository.path;
import static com.coastline.deploy.checks.Repository.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every topic a service consumes (its application.yml's {@code *-in-*} bindings) is declared as a
 * KafkaTopic with at least as many partitions as that service's HPA may run replicas: a replica beyond
 * the partition count of its group's topic gets no partition and sits idle.
 */
class ConsumerPartitionsTest {

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void topicsHaveAPartitionForEveryReplicaOfTheirConsumers(String overlay) {
		List<Map<String, Object>> manifests = render(overlay);
		Map<String, Integer> partitions = new HashMap<>();
		for (Map<String, Object> topic : all(manifests, "KafkaTopic")) {
			partitions.put(path(topic, "spec.topicName"), path(topic, "spec.partitions"));
			assertThat((Integer) path(topic, "spec.replicas")).isPositive();
		}
		int checked = 0;
		for (String service : Repository.SERVICES) {
			int maxReplicas = path(find(manifests, "HorizontalPodAutoscaler", service), "spec.maxReplicas");
			for (String topic : Repository.consumedTopics(service)) {
				assertThat(partitions).as("KafkaTopic for %s (consumed by %s)", topic, service).containsKey(topic);
				assertThat(partitions.get(topic))
					.as("partitions of %s >= maxReplicas of its consumer %s (%s)", topic, service, overlay)
					.isGreaterThanOrEqualTo(maxReplicas);
				checked++;
			}
		}
		assertThat(checked).as("consumer bindings found in the services' application.yml").isGreaterThanOrEqualTo(10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyTopicHasTheMinimumOfPlatformMessaging(String overlay) {
		for (Map<String, Object> topic : all(render(overlay), "KafkaTopic")) {
			// platform-messaging's Topics.MIN_PARTITIONS: fewer would be refused by the owner's declaration.
			assertThat((Integer) path(topic, "spec.partitions")).isGreaterThanOrEqualTo(6);
		}
	}
}
