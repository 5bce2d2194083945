package com.coastline.local;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer groups of a stack's services as the broker sees them (Kafka's {@link Admin}): which instance
 * holds which partitions (members told apart by the {@code client.id} each instance's consumers carry, see
 * {@link #CLIENT_ID}), the committed offsets, and counts in the services' databases (plain JDBC).
 */
final class ConsumerGroups implements AutoCloseable {

	/**
	 * The environment variable (Spring Cloud Stream's default for every Kafka consumer binding) and its value
	 * that give each instance's consumers its application name and port as {@code client.id}: Spring resolves
	 * the placeholders per instance ({@code PORT} is the launcher's, different for each instance).
	 */
	static final Map.Entry<String, String> CLIENT_ID = Map.entry(
			"SPRING_CLOUD_STREAM_KAFKA_DEFAULT_CONSUMER_CONFIGURATION_CLIENT_ID", "${spring.application.name}-${PORT}");

	/** The partitions of every topic (platform-messaging's {@code min-partition-count}). */
	static final int PARTITIONS = 6;

	private final LocalStack stack;

	private final Admin admin;

	ConsumerGroups(LocalStack stack) {
		this.stack = stack;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()));
	}

	/** The partition of a record with this key, by Kafka's default partitioner (the outbox keys as strings). */
	static int partition(UUID key) {
		return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
	}

	/**
	 * The service's group's assignment once every instance holds partitions of each of the topics, all of them
	 * once between them: by topic, each instance's partitions.
	 */
	Map<String, Map<ServiceProcess, Set<Integer>>> awaitShared(Service service, Collection<String> topics) {
		List<ServiceProcess> instances = stack.instances(service);
		Map<String, Map<ServiceProcess, Set<Integer>>> shared = new HashMap<>();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Map<ServiceProcess, Set<Integer>>> now = assignments(service);
			assertThat(now.keySet()).as("the topics %s's group consumes", service.applicationName())
				.containsExactlyInAnyOrderElementsOf(topics);
			for (String topic : topics) {
				assertThat(now.get(topic)).as("%s's instances with partitions of %s", service.applicationName(), topic)
					.containsOnlyKeys(instances);
				assertThat(now.get(topic).values()).allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
				assertThat(now.get(topic).values().stream().mapToInt(Set::size).sum())
					.as("%s: each partition of %s once", service.applicationName(), topic)
					.isEqualTo(PARTITIONS);
				assertThat(now.get(topic).values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
					.hasSize(PARTITIONS);
			}
			shared.clear();
			shared.putAll(now);
		});
		return shared;
	}

	/**
	 * The service's consumer group (its application name) as the broker describes it: by topic, the instance
	 * of each member with partitions of it and those partitions. A member no instance claims fails.
	 */
	Map<String, Map<ServiceProcess, Set<Integer>>> assignments(Service service) {
		String group = service.applicationName();
		ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups()
			.get(group), "describe the consumer group " + group);
		Map<String, Map<ServiceProcess, Set<Integer>>> byTopic = new HashMap<>();
		for (MemberDescription member : description.members()) {
			ServiceProcess instance = stack.instances(service)
				.stream()
				.filter(candidate -> isClientOf(member.clientId(), candidate))
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						"A member of " + group + " no instance claims: " + member.clientId() + " " + member.consumerId()));
			for (TopicPartition partition : member.assignment().topicPartitions()) {
				byTopic.computeIfAbsent(partition.topic(), t -> new HashMap<>())
					.computeIfAbsent(instance, i -> new HashSet<>())
					.add(partition.partition());
			}
		}
		return byTopic;
	}

	/** The offsets the service's group has committed. */
	Map<TopicPartition, Long> committedOffsets(Service service) {
		Map<TopicPartition, OffsetAndMetadata> offsets = get(
				admin.listConsumerGroupOffsets(service.applicationName()).partitionsToOffsetAndMetadata(),
				"read the offsets of " + service.applicationName());
		Map<TopicPartition, Long> committed = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (offset != null) {
				committed.put(partition, offset.offset());
			}
		});
		return committed;
	}

	/**
	 * Fails unless the group has committed further offsets since {@code before} in some partition of the
	 * topic that each instance held: every instance consumed part of what was sent since.
	 */
	void assertEveryInstanceConsumed(Service service, String topic, Map<ServiceProcess, Set<Integer>> assignment,
			Map<TopicPartition, Long> before) {
		Map<TopicPartition, Long> now = committedOffsets(service);
		assignment.forEach((instance, partitions) -> assertThat(partitions.stream()
			.map(partition -> new TopicPartition(topic, partition))
			.anyMatch(partition -> now.getOrDefault(partition, 0L) > before.getOrDefault(partition, 0L)))
			.as("%s consumed part of the batch on %s (partitions %s)", instance.name(), topic, partitions)
			.isTrue());
	}

	/** A count in the service's database, its one parameter the workspaces' ids. */
	int count(Service service, String sql, Collection<UUID> workspaces) {
		try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("uuid", workspaces.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count in " + service.database() + ": " + sql, ex);
		}
	}

	@Override
	public void close() {
		admin.close();
	}

	/** The {@code client.id} prefix of the instance's consumers ({@link #CLIENT_ID}); Spring Kafka appends a number. */
	private static boolean isClientOf(String clientId, ServiceProcess instance) {
		String url = instance.url();
		String prefix = instance.service().applicationName() + "-" + url.substring(url.lastIndexOf(':') + 1);
		return clientId.equals(prefix) || clientId.startsWith(prefix + "-");
	}

	private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not " + what, ex);
		}
	}
}
