package com.coastline.portal.project;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.coastline.portal.config.PortalProperties;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Asks identity-service for a fresh one-tap link for a contact, relaying the caller's staff (or admin)
 * token, so identity checks the workspace itself. The {@code RestClient} comes from Boot's builder with
 * platform-web's connect and read timeouts and token relay; the Resilience4j circuit breaker {@code identity}
 * stops calling a failing identity-service for a while. No retry: each call mints a link.
 */
@Component
class IdentityLinks {

	/** The Resilience4j circuit breaker of calls to identity-service. */
	static final String CIRCUIT_BREAKER = "identity";

	private final RestClient identity;

	IdentityLinks(RestClient.Builder builder, PortalProperties properties) {
		this.identity = builder.clone().baseUrl(properties.identityUrl().toString()).build();
	}

	/** A link as identity issued it (its token is part of the URL, shown only to the caller). */
	record Link(String url, Instant expiresAt) {

		@Override
		public String toString() {
			return "Link[expiresAt=" + this.expiresAt + "]";
		}
	}

	/**
	 * @throws HttpClientErrorException when identity refuses (the contact unknown to it, or archived)
	 */
	@CircuitBreaker(name = IdentityLinks.CIRCUIT_BREAKER)
	public Link issue(UUID contactId, UUID projectId) {
		Link link = this.identity.post()
			.uri("/api/contacts/{contactId}/links", contactId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("projectId", projectId))
			.retrieve()
			.body(Link.class);
		if (link == null || link.url() == null || link.url().isBlank() || link.expiresAt() == null) {
			throw new IllegalStateException("identity-service answered without a link");
		}
		return link;
	}
}
