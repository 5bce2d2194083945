package com.coastline.platform.test.infra;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real KRaft broker inside the test JVM (spring-kafka-test), started in about a second. */
final class EmbeddedKafkaServer implements KafkaServer {

	private final EmbeddedKafkaKraftBroker broker;

	private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	static EmbeddedKafkaServer start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		broker.brokerProperties(Map.of(
				"auto.create.topics.enable", "true",
				"group.initial.rebalance.delay.ms", "0",
				"offsets.topic.num.partitions", "6",
				"transaction.state.log.num.partitions", "6"));
		broker.afterPropertiesSet();
		return new EmbeddedKafkaServer(broker);
	}

	@Override
	public String bootstrapServers() {
		return broker.getBrokersAsString();
	}

	@Override
	public void close() {
		broker.destroy();
	}
}
