package com.coastline.platform.messaging;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messaging rules of ARCHITECTURE.md, wired for every service that has platform-messaging on its
 * class path: the transactional outbox (Spring Modulith's publication registry, externalized to Kafka
 * with CloudEvents headers and the aggregate id as key, resubmitted on a schedule), idempotent
 * consumers, dead-letter topics with retries, replay and metrics.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@EnableConfigurationProperties(MessagingProperties.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class MessagingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	EventExternalizationConfiguration eventExternalizationConfiguration(List<EventRoute<?>> routes,
			Environment environment) {
		String source = "/" + environment.getProperty("spring.application.name", "coastline");
		return new OutboxRoutes(routes, source).externalization();
	}

	/**
	 * Spring Modulith's outbox repository, without the "processing" mark and with completions written together
	 * ({@link OutboxCompletions}); in its default completion mode only (completed publications kept and updated).
	 */
	@Bean
	static BeanPostProcessor outboxCompletions(ObjectProvider<JdbcTemplate> jdbc, Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof EventPublicationRepository repository && !(bean instanceof OutboxCompletions)
						&& "update".equalsIgnoreCase(
								environment.getProperty("spring.modulith.events.completion-mode", "update"))) {
					return new OutboxCompletions(repository, jdbc.getObject(),
							environment.getProperty("spring.application.name", "coastline"));
				}
				return bean;
			}
		};
	}

	/**
	 * The service's connections fetched from the pool at a transaction's first statement, not at its start
	 * (Spring's {@link LazyConnectionDataSourceProxy}). Spring Modulith wraps each send's "processing" and
	 * "completed" marks in transactions of their own ({@code REQUIRES_NEW}), which {@link OutboxCompletions} leaves
	 * without a statement: with eager connections every send waited for two from a pool that a busy service's
	 * request threads hold, and the sends fell behind the requests (link redemptions beyond identity-service's
	 * capacity: 88,000 sends waiting within two minutes). The pool's defaults are Hikari's and PostgreSQL's
	 * (auto-commit on, read committed), set here so that no connection is fetched to learn them.
	 */
	@Bean
	static BeanPostProcessor lazyConnections() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)) {
					LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy(dataSource);
					lazy.setDefaultAutoCommit(true);
					lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
					return lazy;
				}
				return bean;
			}
		};
	}

	/**
	 * Flyway on the pool itself: its connect retries (a database late at start-up) retry the fetching of a
	 * connection, which the lazy proxy above would answer at once without one.
	 */
	@Bean
	FlywayConfigurationCustomizer flywayOnThePool() {
		return configuration -> {
			if (configuration.getDataSource() instanceof LazyConnectionDataSourceProxy lazy) {
				configuration.dataSource(lazy.getTargetDataSource());
			}
		};
	}

	/**
	 * The outbox's sends when the task executor is saturated (its bound: the defaults): deferred to the
	 * resubmission ({@link DeferredSends}), never queued without bound nor thrown at a request whose work was done.
	 */
	@Bean
	ThreadPoolTaskExecutorCustomizer outboxSendsWhenSaturated(ObjectProvider<MeterRegistry> meters) {
		DeferredSends deferred = new DeferredSends(meters);
		return executor -> executor.setRejectedExecutionHandler(deferred);
	}

	@Bean
	OutboxResubmission outboxResubmission(IncompleteEventPublications publications, MessagingProperties properties) {
		return new OutboxResubmission(publications, properties);
	}

	@Bean
	OutboxPurge outboxPurge(CompletedEventPublications publications, MessagingProperties properties) {
		return new OutboxPurge(publications, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Bean
	ProcessedMessages processedMessages(JdbcTemplate jdbc, Clock clock, MessagingProperties properties) {
		return new ProcessedMessages(jdbc, clock, properties);
	}

	@Bean
	IdempotentConsumers idempotentConsumers(ProcessedMessages processed, PlatformTransactionManager transactions,
			MeterRegistry meters, ObjectProvider<JsonMapper> json) {
		return new IdempotentConsumers(processed, new TransactionTemplate(transactions), meters,
				json.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	OutboxMetrics outboxMetrics(JdbcTemplate jdbc) {
		return new OutboxMetrics(jdbc);
	}

	@Bean
	DeadLetterProducer deadLetterProducer(KafkaProperties kafka) {
		return new DeadLetterProducer(kafka.buildProducerProperties());
	}

	@Bean
	DeadLetterPolicy deadLetterPolicy(DeadLetterProducer producer, MeterRegistry meters) {
		return new DeadLetterPolicy(producer.operations(), meters);
	}

	@Bean
	DeadLetters deadLetters(KafkaProperties kafka, DeadLetterProducer producer) {
		return new DeadLetters(kafka.buildConsumerProperties(), producer.operations());
	}

	@Bean
	ConsumerBindings consumerBindings(BindingServiceProperties bindings) {
		return new ConsumerBindings(bindings);
	}

	@Bean
	SmartInitializingSingleton consumerBindingsHaveGroups(ConsumerBindings bindings) {
		return bindings::requireExplicitGroups;
	}

	@Bean
	DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, ConsumerBindings bindings) {
		return new DeadLettersEndpoint(deadLetters, bindings);
	}

	/** Dead-letter topics are declared up front, with their own retention, not auto-created on first failure. */
	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(ConsumerBindings bindings, MessagingProperties properties) {
		return new KafkaAdmin.NewTopics(bindings.deadLetterTopics()
			.stream()
			.map(topic -> TopicBuilder.name(topic)
				.partitions(properties.deadLetters().partitions())
				.config("retention.ms", String.valueOf(properties.deadLetters().retention().toMillis()))
				.build())
			.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
	}
}
