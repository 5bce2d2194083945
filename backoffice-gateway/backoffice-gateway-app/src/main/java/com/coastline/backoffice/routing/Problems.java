package com.coastline.backoffice.routing;

import java.net.URI;
import java.time.Duration;

import com.coastline.platform.web.problem.ProblemType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The gateway's own answers on {@code /api/**} and {@code /api-docs/**}, as RFC 9457 problems in platform-web's
 * vocabulary.
 */
final class Problems {

	private Problems() {
	}

	static ServerResponse unauthorized() {
		return respond(ProblemType.UNAUTHORIZED.problem("Sign in to the back office."));
	}

	static ServerResponse notFound() {
		return respond(ProblemType.NOT_FOUND.problem("No back-office API has this address."));
	}

	static ServerResponse tooManyRequests(Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		ProblemDetail problem = ProblemType.TOO_MANY_REQUESTS.problem("Too many requests. Try again in " + seconds + " s.");
		problem.setProperty("retryAfterSeconds", seconds);
		return ServerResponse.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** A multipart body larger than the routes pass on; nothing was forwarded. */
	static ServerResponse contentTooLarge(DataSize max) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The upload is larger than " + max.toMegabytes() + " MB. Send a smaller file.");
		problem.setType(URI.create(ProblemType.TYPE_PREFIX + "content-too-large"));
		problem.setTitle("Content too large");
		problem.setProperty("maxBytes", max.toBytes());
		return respond(problem);
	}

	/** The service does not answer, or its circuit is open. */
	static ServerResponse unavailable(String service) {
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(unavailableProblem(service));
	}

	/** {@link #unavailable(String)}'s problem, for answers written outside the routes (with {@code Retry-After: 10}). */
	static ProblemDetail unavailableProblem(String service) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The " + service + " service is not available right now. Try again in a moment.");
		problem.setType(URI.create(ProblemType.TYPE_PREFIX + "service-unavailable"));
		problem.setTitle("Service unavailable");
		problem.setProperty("service", service);
		return problem;
	}

	/** The service did not answer in its route's time. */
	static ServerResponse timeout(String service) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
				"The " + service + " service did not answer in time. Try again in a moment.");
		problem.setType(URI.create(ProblemType.TYPE_PREFIX + "gateway-timeout"));
		problem.setTitle("Gateway timeout");
		problem.setProperty("service", service);
		return respond(problem);
	}

	private static ServerResponse respond(ProblemDetail problem) {
		return ServerResponse.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
