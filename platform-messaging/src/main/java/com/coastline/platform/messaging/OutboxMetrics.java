package com.coastline.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox backlog: how many publications are not yet acknowledged by the broker, and the age of the oldest. */
class OutboxMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private final JdbcTemplate jdbc;

	OutboxMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("coastline.outbox.backlog", this::backlog)
			.description("Event publications not yet acknowledged by the broker")
			.register(registry);
		Gauge.builder("coastline.outbox.oldest.age", this::oldestAgeSeconds)
			.description("Age of the oldest unacknowledged event publication")
			.baseUnit("seconds")
			.register(registry);
	}

	double backlog() {
		return query("select count(*) from event_publication where completion_date is null");
	}

	double oldestAgeSeconds() {
		return query("""
				select coalesce(extract(epoch from (now() - min(publication_date))), 0)
				from event_publication where completion_date is null
				""");
	}

	private double query(String sql) {
		try {
			Number value = jdbc.queryForObject(sql, Number.class);
			return value == null ? 0 : value.doubleValue();
		}
		catch (DataAccessException ex) {
			log.debug("Outbox metric unavailable", ex);
			return Double.NaN;
		}
	}
}
