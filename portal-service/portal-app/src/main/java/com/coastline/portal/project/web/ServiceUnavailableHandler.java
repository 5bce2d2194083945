package com.coastline.portal.project.web;

import java.net.URI;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.portal.project.IdentityUnavailableException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A dependency that is down answers 503 with {@code Retry-After}, as an RFC 9457 problem. platform-web's
 * problem types have no 503 (its services call nobody synchronously in a request so far), so this advice
 * runs before platform-web's handler for exactly this exception.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServiceUnavailableHandler {

	static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "service-unavailable");

	private static final String RETRY_AFTER_SECONDS = "10";

	@ExceptionHandler(IdentityUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(IdentityUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(TYPE);
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
