package com.coastline.platform.test.infra;

/** A running Kafka broker shared by the tests of one JVM. */
public interface KafkaServer extends AutoCloseable {

	String bootstrapServers();

	@Override
	void close();
}
