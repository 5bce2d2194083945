package com.coastline.benchmarks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A client token for a run longer than a token lives (5 minutes): fetched at once, then again every 4 minutes on a
 * daemon thread, never on Gatling's threads. A failed renewal keeps the current token and is printed; the requests
 * that then fail for it count as the run's errors.
 */
final class RenewedToken {

	private static final long RENEW_MINUTES = 4;

	private final AtomicReference<String> current;

	RenewedToken(String name, Supplier<String> fetch) {
		this.current = new AtomicReference<>(fetch.get());
		ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
			.daemon()
			.name(name + "-token-renewal")
			.factory());
		renewal.scheduleAtFixedRate(() -> {
			try {
				this.current.set(fetch.get());
			}
			catch (RuntimeException ex) {
				System.err.println("Renewing the " + name + " token failed: " + ex);
			}
		}, RENEW_MINUTES, RENEW_MINUTES, TimeUnit.MINUTES);
	}

	String token() {
		return this.current.get();
	}

	String bearer() {
		return "Bearer " + token();
	}
}
