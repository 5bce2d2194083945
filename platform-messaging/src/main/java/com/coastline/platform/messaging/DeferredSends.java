package com.coastline.platform.messaging;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What happens to an outbox send that finds the task executor saturated (every thread busy, its bounded queue
 * full): it is not made now. The publication stays in the outbox table, where Spring Modulith's staleness monitor
 * marks it failed after a minute and {@link OutboxResubmission} sends it then: deferred, not lost, and the heap
 * holds at most the queue. Counted ({@code coastline.outbox.sends.deferred}) and logged at most once a minute.
 * <p>
 * Not the committing thread sending it instead: that thread still holds its transaction's connection, and the send
 * takes another for Spring Modulith's bookkeeping, so a saturated service's request threads all waited for
 * connections held by each other (seen with link redemptions beyond identity-service's capacity).
 */
final class DeferredSends implements RejectedExecutionHandler {

	private static final Logger log = LoggerFactory.getLogger(DeferredSends.class);

	private static final long LOG_EVERY_NANOS = 60_000_000_000L;

	private final ObjectProvider<MeterRegistry> meters;

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	private volatile Counter counter;

	DeferredSends(ObjectProvider<MeterRegistry> meters) {
		this.meters = meters;
	}

	@Override
	public void rejectedExecution(Runnable send, ThreadPoolExecutor executor) {
		counter().increment();
		long last = this.lastLogged.get();
		long now = System.nanoTime();
		if (now - last >= LOG_EVERY_NANOS && this.lastLogged.compareAndSet(last, now)) {
			log.warn("The outbox's sends are saturated ({} threads busy, {} queued): further events stay in the outbox"
					+ " and are sent by the resubmission within minutes", executor.getActiveCount(),
					executor.getQueue().size());
		}
	}

	private Counter counter() {
		Counter current = this.counter;
		if (current == null) {
			current = Counter.builder("coastline.outbox.sends.deferred")
				.description("Outbox sends left to the resubmission because the sending threads were saturated")
				.register(this.meters.getObject());
			this.counter = current;
		}
		return current;
	}
}
