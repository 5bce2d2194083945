package com.coastline.automation.link;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.function.Predicate;

import org.springframework.web.client.ResourceAccessException;

/**
 * The failures after which a link request may be sent again at once: those where it never reached
 * identity-service (no connection could be made). A request that timed out while waiting for the answer may
 * still be carried out there, later; sending it again at once would race with it, so the run waits instead
 * and its next claim asks under a higher fence. Used as the Resilience4j retry {@code identity}'s
 * {@code retry-exception-predicate}, beside its {@code retry-exceptions} (answers 5xx).
 */
public class NeverReachedIdentity implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable failure) {
		if (!(failure instanceof ResourceAccessException)) {
			return false;
		}
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof UnknownHostException) {
				return true;
			}
		}
		return false;
	}
}
