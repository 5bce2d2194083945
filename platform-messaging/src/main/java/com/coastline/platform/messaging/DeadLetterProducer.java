package com.coastline.platform.messaging;

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer of dead letters and replays: raw bytes in and out, so records keep their original key,
 * value and headers untouched. Its own factory (not a bean, so Boot's producer factory for the outbox
 * stays in place), closed with the context.
 */
class DeadLetterProducer implements DisposableBean {

	private final DefaultKafkaProducerFactory<byte[], byte[]> factory;

	private final KafkaTemplate<byte[], byte[]> template;

	DeadLetterProducer(Map<String, Object> producerProperties) {
		this.factory = new DefaultKafkaProducerFactory<>(producerProperties, new ByteArraySerializer(),
				new ByteArraySerializer());
		this.template = new KafkaTemplate<>(factory);
	}

	KafkaOperations<byte[], byte[]> operations() {
		return template;
	}

	@Override
	public void destroy() {
		factory.destroy();
	}
}
