package com.coastline.platform.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.coastline.platform.test.security.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PlatformWebTest
class RestClientDefaultsTest {

	@Autowired
	private RestClient.Builder restClientBuilder;

	@Autowired
	private JwtDecoder jwtDecoder;

	@Autowired
	private RetryRegistry retryRegistry;

	@Autowired
	private CircuitBreakerRegistry circuitBreakerRegistry;

	@Autowired
	private TimeLimiterRegistry timeLimiterRegistry;

	private final AtomicReference<String> receivedAuthorization = new AtomicReference<>();

	private final CountDownLatch releaseStalledCalls = new CountDownLatch(1);

	private final ExecutorService serverThreads = Executors.newCachedThreadPool();

	private HttpServer server;

	private RestClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/echo", (exchange) -> {
			this.receivedAuthorization.set(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			respond(exchange, "ok");
		});
		this.server.createContext("/stall", (exchange) -> {
			try {
				this.releaseStalledCalls.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, "late");
		});
		this.server.setExecutor(this.serverThreads);
		this.server.start();
		this.client = this.restClientBuilder.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort()).build();
	}

	@AfterEach
	void stopServer() {
		SecurityContextHolder.clearContext();
		this.releaseStalledCalls.countDown();
		this.server.stop(0);
		this.serverThreads.shutdownNow();
	}

	@Test
	void callersTokenIsPassedOn() {
		// given a request authenticated with a verified token
		String token = TestTokens.staff(UUID.randomUUID()).mint();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(this.jwtDecoder.decode(token)));

		// when
		this.client.get().uri("/echo").retrieve().body(String.class);

		// then
		assertThat(this.receivedAuthorization.get()).isEqualTo("Bearer " + token);
	}

	@Test
	void noTokenIsSentWithoutAnAuthenticatedCaller() {
		this.client.get().uri("/echo").retrieve().body(String.class);

		assertThat(this.receivedAuthorization.get()).isNull();
	}

	@Test
	void authorizationSetByTheCallIsKept() {
		String token = TestTokens.staff(UUID.randomUUID()).mint();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(this.jwtDecoder.decode(token)));

		this.client.get().uri("/echo").header(HttpHeaders.AUTHORIZATION, "Bearer service-token").retrieve().body(String.class);

		assertThat(this.receivedAuthorization.get()).isEqualTo("Bearer service-token");
	}

	@Test
	void stalledServerTimesOutAfterTheReadTimeout() {
		// given coastline.http.client.read-timeout=500ms (application.properties) and a server that never answers

		// when
		long start = System.nanoTime();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> this.client.get().uri("/stall").retrieve().body(String.class));
		Duration waited = Duration.ofNanos(System.nanoTime() - start);

		// then: it gave up after the configured read timeout, far below the 5 s default
		assertThat(waited).isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
	}

	@Test
	void retryDefaultsBackOffExponentiallyWithJitterOnlyOnTransientErrors() {
		RetryConfig config = this.retryRegistry.retry("any-dependency").getRetryConfig();

		assertThat(config.getMaxAttempts()).isEqualTo(3);
		Either<Throwable, Object> failure = Either.left(new ResourceAccessException("down"));
		assertThat(config.getIntervalBiFunction().apply(1, failure)).isBetween(100L, 300L);
		assertThat(config.getIntervalBiFunction().apply(2, failure)).isBetween(200L, 600L);
		assertThat(config.getExceptionPredicate().test(new ResourceAccessException("timeout"))).isTrue();
		assertThat(config.getExceptionPredicate()
			.test(HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "", HttpHeaders.EMPTY, new byte[0], null)))
			.isTrue();
		assertThat(config.getExceptionPredicate().test(new IllegalArgumentException("a bug"))).isFalse();
	}

	@Test
	void circuitBreakerAndTimeLimiterDefaultsApplyToEveryInstance() {
		CircuitBreakerConfig breaker = this.circuitBreakerRegistry.circuitBreaker("any-dependency")
			.getCircuitBreakerConfig();

		assertThat(breaker.getFailureRateThreshold()).isEqualTo(50f);
		assertThat(breaker.getSlidingWindowSize()).isEqualTo(20);
		assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(10);
		assertThat(this.timeLimiterRegistry.timeLimiter("any-dependency").getTimeLimiterConfig().getTimeoutDuration())
			.isEqualTo(Duration.ofSeconds(6));
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		try (exchange) {
			byte[] bytes = body.getBytes();
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}
}
