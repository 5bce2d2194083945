package com.coastline.automation.link;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;

import com.coastline.identity.api.LinkRequests;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Mints a contact's one-tap portal link at identity-service, as the service client
 * {@code automation-service} (scope {@code portal-links:write}). Minting again under the same idempotency
 * key revokes the link minted earlier under it, so a run that retries leaves exactly one valid link.
 * <p>
 * Calls go through the Resilience4j retry {@code identity} (a few quick attempts with jitter, on 5xx and
 * when no connection could be made: never after a timeout, see {@link NeverReachedIdentity}) and the circuit breaker {@code identity}; errors reach the caller as
 * Spring's {@code RestClientException}s, {@code CallNotPermittedException} while the circuit is open,
 * or an {@code OAuth2AuthorizationException} when no token could be had.
 */
@Component
public class PortalLinks {

	private final RestClient identity;

	PortalLinks(@Qualifier(IdentityClientConfiguration.CLIENT) RestClient identity) {
		this.identity = identity;
	}

	/** A minted link: its URL carries the token and is shown only to the email that sends it. */
	public record Link(UUID id, String url, Instant expiresAt) {

		@Override
		public String toString() {
			return "Link[id=" + id + ", expiresAt=" + expiresAt + "]";
		}
	}

	/**
	 * Mints the link under the key; the fence (the caller's claim on the work) tells identity-service which
	 * attempt is the newest, so a late request of an older attempt cannot revoke the link a newer one sent.
	 */
	@CircuitBreaker(name = "identity")
	@Retry(name = "identity")
	public Link issue(UUID contactId, UUID projectId, String idempotencyKey, long fence) {
		Link link = identity.post()
			.uri("/api/contacts/{contactId}/links", contactId)
			.header(LinkRequests.IDEMPOTENCY_KEY, idempotencyKey)
			.header(LinkRequests.IDEMPOTENCY_FENCE, Long.toString(fence))
			.contentType(MediaType.APPLICATION_JSON)
			.body(projectId == null ? Map.of() : Map.of("projectId", projectId))
			.retrieve()
			.body(Link.class);
		if (link == null || link.url() == null || link.url().isBlank()) {
			throw new IllegalStateException("identity-service answered without a link");
		}
		return link;
	}

	/** Whether identity-service refused the request because a newer attempt under its key already minted the link. */
	public static boolean superseded(HttpClientErrorException refused) {
		if (!refused.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
			return false;
		}
		ProblemDetail problem = refused.getResponseBodyAs(ProblemDetail.class);
		return problem != null && problem.getProperties() != null
				&& LinkRequests.SUPERSEDED.equals(problem.getProperties().get("reason"));
	}
}
