package com.coastline.backoffice.signin;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * identity-service's internal staff sign-in APIs ({@code /internal/staff/**}), called as the
 * {@code backoffice-gateway} client (scope {@code staff-gateway}) with the browser's IP and user agent, and the
 * workspace's name read with the member's own token. Every call goes through the Resilience4j circuit breaker
 * {@value #CIRCUIT_BREAKER}: identity's refusals ({@link SignInRefusedException}) are answers, not failures;
 * anything else (down, 5xx, timeouts, open circuit) becomes {@link IdentityUnavailableException}. No retry:
 * verifying has effects (a counted try, a session).
 */
@Component
public class Identity {

	static final String CIRCUIT_BREAKER = "identity-sign-in";

	/** When identity throttles without saying how long. */
	private static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

	private final RestClient signIn;

	private final RestClient staff;

	private final CircuitBreaker breaker;

	Identity(@Qualifier(IdentityConfiguration.SIGN_IN_CLIENT) RestClient signIn,
			@Qualifier(IdentityConfiguration.STAFF_CLIENT) RestClient staff, CircuitBreakerRegistry breakers) {
		this.signIn = signIn;
		this.staff = staff;
		this.breaker = breakers.circuitBreaker(CIRCUIT_BREAKER);
	}

	/**
	 * Asks for a code by email (the same answer whether or not the email is on file).
	 * @param attempt the browser's sign-in attempt, or null for a new one
	 * @return the attempt's secret, for the pre-session cookie
	 */
	public String requestCode(String email, String attempt, Browser browser) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		if (attempt != null) {
			body.put("attempt", attempt);
		}
		body.put("ip", browser.ip());
		body.put("userAgent", browser.userAgent());
		return call(() -> this.signIn.post()
			.uri("/internal/staff/codes")
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
		return call(() -> this.signIn.post()
			.uri("/internal/staff/codes/verify")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("attempt", attempt, "code", code, "ip", browser.ip(), "userAgent", browser.userAgent()))
			.exchange((request, response) -> {
				refusals(response);
				if (response.getStatusCode().value() == 201) {
					return new CodeCheck(session(response), List.of());
				}
				if (response.getStatusCode().value() == 200) {
					Choices choices = response.bodyTo(Choices.class);
					return new CodeCheck(null,
							(choices != null && choices.workspaces() != null) ? choices.workspaces() : List.of());
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/**
	 * Continues a verified attempt in one of the email's workspaces.
	 * @throws SignInRefusedException.CodeRefused when the choice is not (or no longer) possible
	 */
	public StaffSession choose(String attempt, UUID workspaceId, Browser browser) {
		return call(() -> this.signIn.post()
			.uri("/internal/staff/codes/choose")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("attempt", attempt, "workspaceId", workspaceId, "ip", browser.ip(), "userAgent",
					browser.userAgent()))
			.exchange((request, response) -> {
				refusals(response);
				if (response.getStatusCode().value() == 201) {
					return session(response);
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/**
	 * Swaps a staff session for a staff JWT (and keeps the session alive). identity keeps staff and portal
	 * sessions apart: a client's session id is as unknown here as a made-up one.
	 * @throws SignInRefusedException.SessionEnded for an unknown, ended or expired session or a removed member
	 */
	public StaffToken token(String sessionId) {
		return call(() -> this.signIn.post()
			.uri("/internal/staff/sessions/token")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sessionId", sessionId))
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 200) {
					AccessToken token = response.bodyTo(AccessToken.class);
					if (token == null || token.accessToken() == null) {
						throw new IllegalStateException("identity-service answered without a token");
					}
					return staffToken(token.accessToken());
				}
				if (response.getStatusCode().value() == 401) {
					throw new SignInRefusedException.SessionEnded();
				}
				throw unexpected(response.getStatusCode());
			}));
	}

	/** Ends the session at identity (the same answer for any id). */
	public void signOut(String sessionId, Browser browser) {
		call(() -> this.signIn.post()
			.uri("/internal/staff/sessions/sign-out")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sessionId", sessionId, "ip", browser.ip(), "userAgent", browser.userAgent()))
			.exchange((request, response) -> {
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw unexpected(response.getStatusCode());
				}
				return Boolean.TRUE;
			}));
	}

	/** The name of the token's workspace ({@code GET /api/workspaces/{wid}} with the member's token). */
	public Optional<String> workspaceName(StaffToken token) {
		return call(() -> this.staff.get()
			.uri("/api/workspaces/{id}", token.workspaceId())
			.headers((headers) -> headers.setBearerAuth(token.accessToken()))
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 200) {
					Workspace workspace = response.bodyTo(Workspace.class);
					return Optional.ofNullable((workspace != null) ? workspace.name() : null);
				}
				if (response.getStatusCode().is4xxClientError()) {
					return Optional.<String>empty();
				}
				throw unexpected(response.getStatusCode());
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

	private static StaffSession session(ConvertibleClientHttpResponse response) {
		StaffSession session = response.bodyTo(StaffSession.class);
		if (session == null || session.sessionId() == null || session.workspaceId() == null || session.staffId() == null) {
			throw new IllegalStateException("identity-service answered without a session");
		}
		return session;
	}

	/** The token's claims, read without checking its signature: it comes straight from identity over its API. */
	private static StaffToken staffToken(String jwt) {
		try {
			JWTClaimsSet claims = JWTParser.parse(jwt).getJWTClaimsSet();
			if (!"staff".equals(claims.getStringClaim("kind"))) {
				throw new IllegalStateException("identity-service answered with a token that is not a staff token");
			}
			return new StaffToken(jwt, UUID.fromString(claims.getStringClaim("wid")), UUID.fromString(claims.getSubject()),
					claims.getStringClaim("email"), claims.getExpirationTime().toInstant());
		}
		catch (ParseException | IllegalArgumentException | NullPointerException ex) {
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
	record Choices(List<CodeCheck.Workspace> workspaces) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AccessToken(String accessToken) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String type, Integer attemptsLeft) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Workspace(UUID id, String name) {
	}
}
