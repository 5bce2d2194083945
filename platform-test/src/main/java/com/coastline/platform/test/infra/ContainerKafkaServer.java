package com.coastline.platform.test.infra;

import org.testcontainers.kafka.KafkaContainer;

/** Kafka (KRaft) in a container, used where a Docker engine is available. */
final class ContainerKafkaServer implements KafkaServer {

	private final KafkaContainer container;

	private ContainerKafkaServer(KafkaContainer container) {
		this.container = container;
	}

	static ContainerKafkaServer start() {
		KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
		container.start();
		return new ContainerKafkaServer(container);
	}

	@Override
	public String bootstrapServers() {
		return container.getBootstrapServers();
	}

	@Override
	public void close() {
		container.stop();
	}
}
