package com.coastline.portal.signin;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * identity-service's internal sign-in APIs, called as the {@code portal-gateway} client (scope
 * {@code gateway}) with the client's IP and user agent. Every call goes through the Resilience4j circuit
 * breaker {@value #CIRCUIT_BREAKER}: identity's refusals ({@link SignInRefusedException}) are answers, not
 * failures; anything else (down, 5xx, timeouts, open circuit) becomes {@link IdentityUnavailableException}.
 * No retry: redeeming and verifying each have effects (a session, a counted try).
 */
@Component
public class IdentityGateway {

	/** The circuit breaker of sign-in calls, apart from the back office's link requests. */
	static final String CIRCUIT_BREAKER = "identity-sign-in";

	/** When identity throttles without saying how long. */
	private static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

	private final RestClient identity;

	private final CircuitBreaker breaker;

	IdentityGateway(@Qualifier(IdentityGatewayConfiguration.CLIENT) RestClient identity, CircuitBreakerRegistry breakers) {
		this.identity = identity;
		this.breaker = breakers.circuitBreaker(CIRCUIT_BREAKER);
	}

	/**
	 * A new session from a one-tap link.
	 * @throws SignInRefusedException.LinkRefused for a link that does not work (any reason)
	 */
	public SignedIn redeem(String token, Browser browser) {
		return call(() -> this.identity.post()
			.uri("/internal/links/redeem")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token, "ip", browser.ip(), "userAgent", browser.userAgent()))
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 201) {
					return session(response);
				}
				if (response.getStatusCode().value() == 401) {
					throw new SignInRefusedException.LinkRefused();
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/**
	 * Asks for a code by email (the same answer whether or not the email is on file).
	 * @param attempt the browser's sign-in attempt, or null for a new one
	 * @return the attempt's secret, for the pre-session cookie
	 */
	public String requestCode(UUID workspaceId, String email, String attempt, Browser browser) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("workspaceId", workspaceId);
		body.put("email", email);
		if (attempt != null) {
			body.put("attempt", attempt);
		}
		body.put("ip", browser.ip());
		body.put("userAgent", browser.userAgent());
		return call(() -> this.identity.post()
			.uri("/internal/codes")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> {
				refusals(response);
				if (response.getStatusCode().value() == 202) {
					Attempt answer = response.bodyTo(Attempt.class);
					if (answer == null || answer.attempt() == null) {
						throw new IllegalStateException("identity-service answered without an attempt");
					}
					return answer.attempt();
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/**
	 * Checks a code.
	 * @throws SignInRefusedException.CodeRefused for a wrong code, with the tries left
	 */
	public CodeCheck verify(String attempt, String code, Browser browser) {
		return call(() -> this.identity.post()
			.uri("/internal/codes/verify")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("attempt", attempt, "code", code, "ip", browser.ip(), "userAgent", browser.userAgent()))
			.exchange((request, response) -> {
				refusals(response);
				if (response.getStatusCode().value() == 201) {
					return new CodeCheck(session(response), List.of());
				}
				if (response.getStatusCode().value() == 200) {
					Contacts contacts = response.bodyTo(Contacts.class);
					return new CodeCheck(null, (contacts != null && contacts.contacts() != null) ? contacts.contacts() : List.of());
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/**
	 * Continues as one of the contacts offered after a right code.
	 * @throws SignInRefusedException.CodeRefused when the choice is not (or no longer) possible
	 */
	public SignedIn choose(String attempt, UUID contactId, Browser browser) {
		return call(() -> this.identity.post()
			.uri("/internal/codes/choose")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("attempt", attempt, "contactId", contactId, "ip", browser.ip(), "userAgent", browser.userAgent()))
			.exchange((request, response) -> {
				refusals(response);
				if (response.getStatusCode().value() == 201) {
					return session(response);
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/**
	 * Swaps a session for a client JWT (and keeps the session alive).
	 * @throws SignInRefusedException.SessionEnded for an unknown, ended or expired session
	 */
	public ClientToken token(String sessionId) {
		return call(() -> this.identity.post()
			.uri("/internal/sessions/token")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sessionId", sessionId))
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 200) {
					AccessToken token = response.bodyTo(AccessToken.class);
					if (token == null || token.accessToken() == null) {
						throw new IllegalStateException("identity-service answered without a token");
					}
					return clientToken(token.accessToken());
				}
				if (response.getStatusCode().value() == 401) {
					throw new SignInRefusedException.SessionEnded();
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/** Ends the session at identity (the same answer for any id). */
	public void signOut(String sessionId, Browser browser) {
		call(() -> this.identity.post()
			.uri("/internal/sessions/sign-out")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sessionId", sessionId, "ip", browser.ip(), "userAgent", browser.userAgent()))
			.exchange((request, response) -> {
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw unexpected(response.getStatusCode());
				}
				return Boolean.TRUE;
			}));
	}

	private <T> T call(Supplier<T> call) {
		try {
			return this.breaker.executeSupplier(call);
		}
		catch (SignInRefusedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new IdentityUnavailableException(ex);
		}
	}

	/** The answers shared by the code endpoints: 400, 401 {@code code-refused}, 429. */
	private static void refusals(ConvertibleClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		if (status == 400) {
			throw new SignInRefusedException.InvalidInput();
		}
		if (status == 401) {
			Problem problem = response.bodyTo(Problem.class);
			int left = (problem != null && problem.attemptsLeft() != null) ? problem.attemptsLeft() : 0;
			throw new SignInRefusedException.CodeRefused(left);
		}
		if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
			throw new SignInRefusedException.Throttled(retryAfter(response.getHeaders()));
		}
	}

	private static Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		try {
			long seconds = (value != null) ? Long.parseLong(value.trim()) : -1;
			return (seconds > 0) ? Duration.ofSeconds(seconds) : DEFAULT_WAIT;
		}
		catch (NumberFormatException ex) {
			return DEFAULT_WAIT;
		}
	}

	private static SignedIn session(ConvertibleClientHttpResponse response) {
		SignedIn session = response.bodyTo(SignedIn.class);
		if (session == null || session.sessionId() == null || session.workspaceId() == null || session.contactId() == null) {
			throw new IllegalStateException("identity-service answered without a session");
		}
		return session;
	}

	/** The token's claims, read without checking its signature: it comes straight from identity over its API. */
	private static ClientToken clientToken(String jwt) {
		try {
			JWTClaimsSet claims = JWTParser.parse(jwt).getJWTClaimsSet();
			Instant expiresAt = (claims.getExpirationTime() != null) ? claims.getExpirationTime().toInstant() : null;
			return new ClientToken(jwt, UUID.fromString(claims.getStringClaim("wid")), UUID.fromString(claims.getSubject()),
					expiresAt);
		}
		catch (ParseException | RuntimeException ex) {
			throw new IllegalStateException("identity-service answered with an unreadable token", ex);
		}
	}

	private static IllegalStateException unexpected(HttpStatusCode status) {
		return new IllegalStateException("identity-service answered " + status.value());
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Attempt(String attempt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Contacts(List<CodeCheck.Contact> contacts) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccessToken(String accessToken) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String type, Integer attemptsLeft) {
	}
}
