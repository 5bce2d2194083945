package com.coastline.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher's order of starting the services, with stand-ins whose readiness the test decides: never more
 * starting at once than allowed, the next as soon as one is ready, and a failure ends the start.
 */
class BoundedStartTest {

	private final BlockingQueue<String> started = new LinkedBlockingQueue<>();

	private final Map<String, CountDownLatch> ready = new ConcurrentHashMap<>();

	private final Map<String, RuntimeException> fails = new ConcurrentHashMap<>();

	@Test
	void theNextStartsOnlyWhenOneOfThoseStartingIsReady() throws Exception {
		CompletableFuture<Void> all = startInBackground(List.of("identity", "project", "media", "portal"), 2);

		assertThat(next()).isEqualTo("identity");
		assertThat(next()).isEqualTo("project");
		assertThat(this.started.poll(300, TimeUnit.MILLISECONDS)).as("a third while two are starting").isNull();

		ready("project");
		assertThat(next()).isEqualTo("media");
		assertThat(this.started.poll(300, TimeUnit.MILLISECONDS)).as("a fourth while two are starting").isNull();

		ready("identity");
		assertThat(next()).isEqualTo("portal");
		assertThat(all).as("two are not ready yet").isNotDone();

		ready("media");
		ready("portal");
		all.get(5, TimeUnit.SECONDS);
		assertThat(this.started).isEmpty();
	}

	@Test
	void oneAtATimeStartsThemInOrderEachAfterThePreviousIsReady() throws Exception {
		CompletableFuture<Void> all = startInBackground(List.of("identity", "project", "media"), 1);

		for (String service : List.of("identity", "project", "media")) {
			assertThat(next()).isEqualTo(service);
			assertThat(this.started.poll(200, TimeUnit.MILLISECONDS)).isNull();
			ready(service);
		}
		all.get(5, TimeUnit.SECONDS);
	}

	@Test
	void aProcessThatFailsToBecomeReadyEndsTheStartAndTheRestAreNotStarted() throws Exception {
		this.fails.put("project", new IllegalStateException("project exited during start-up"));
		CompletableFuture<Void> all = startInBackground(List.of("identity", "project", "media", "portal"), 2);

		assertThat(next()).isEqualTo("identity");
		assertThat(next()).isEqualTo("project");
		ready("project"); // its awaitReady throws

		assertThat(all).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("project exited during start-up");
		assertThat(this.started).as("nothing started after the failure, identity's wait cut short").isEmpty();
	}

	@Test
	void aProcessThatCannotBeStartedEndsTheStartWithoutWaitingForTheOthers() {
		List<String> names = List.of("identity", "project", "media");
		names.forEach(name -> this.ready.put(name, new CountDownLatch(1)));
		CompletableFuture<Void> all = CompletableFuture.runAsync(() -> BoundedStart.start(names, 2, name -> {
			if (name.equals("project")) {
				throw new IllegalStateException("No jar for project");
			}
			this.started.add(name);
		}, this::awaitReady), runnable -> Thread.ofVirtual().start(runnable));

		assertThat(all).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("No jar for project");
		assertThat(this.started).as("identity's wait cut short, media never started").containsExactly("identity");
	}

	@Test
	void atLeastOneStartsAtATime() {
		assertThatThrownBy(() -> BoundedStart.start(List.of("identity"), 0, this.started::add, name -> {
		})).isInstanceOf(IllegalArgumentException.class);
		assertThat(this.started).isEmpty();
	}

	private CompletableFuture<Void> startInBackground(List<String> names, int atOnce) {
		names.forEach(name -> this.ready.put(name, new CountDownLatch(1)));
		return CompletableFuture.runAsync(() -> BoundedStart.start(names, atOnce, this.started::add, this::awaitReady),
				runnable -> Thread.ofVirtual().start(runnable));
	}

	private void awaitReady(String name) {
		try {
			if (!this.ready.get(name).await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(name + " was not ready in time");
			}
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(name + ": waiting interrupted", ex);
		}
		RuntimeException failure = this.fails.get(name);
		if (failure != null) {
			throw failure;
		}
	}

	private void ready(String name) {
		this.ready.get(name).countDown();
	}

	private String next() throws InterruptedException {
		String name = this.started.poll(5, TimeUnit.SECONDS);
		assertThat(name).as("a process started within 5 s").isNotNull();
		return name;
	}
}
