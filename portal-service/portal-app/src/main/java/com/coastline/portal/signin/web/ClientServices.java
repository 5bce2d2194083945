package com.coastline.portal.signin.web;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.portal.config.PagesProperties;
import com.coastline.portal.signin.ClientToken;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The pages' calls to project-service and media-service on the signed-in client's behalf, with the client's
 * short-lived JWT as an explicit bearer (never the browser's cookie). Each call runs on a virtual thread, so a
 * page starts its calls together and a stalled service holds no request thread; each has the pages' timeout
 * (connect and answer, and the page stops waiting after it too) and goes through the Resilience4j circuit
 * breaker of its service ({@code project}, {@code media}), which counts refusals (4xx) as answers. A page's call
 * also needs a place in its service's Resilience4j bulkhead (at most so many calls under way per replica; a wait
 * for a place, if configured, counts in the page's timeout): when a service stalls, the calls already waiting on it
 * hold their places, and the pages after them show its sections unavailable at once instead of each holding a
 * request thread for the whole timeout.
 * A call never throws: its {@link Section} says whether it answered, found nothing (404), found the client signed
 * out (401, 403), refused as conflicting with the current state (409) or as invalid (400, 422), with the
 * problem's detail, or is unavailable (anything else), so a failing service only greys out its own section.
 * A form's call ({@link #projectAction}) is the same, with the longer {@code action-timeout} (it may wait on
 * the payment provider) and outside the bulkhead: a client's approval or payment is never refused because pages
 * are waiting, and forms are few.
 */
@Component
class ClientServices implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClientServices.class);

	static final String PROJECT = "project";

	static final String MEDIA = "media";

	private final RestClient project;

	private final RestClient media;

	private final RestClient projectActions;

	private final CircuitBreaker projectBreaker;

	private final CircuitBreaker mediaBreaker;

	private final Bulkhead projectBulkhead;

	private final Bulkhead mediaBulkhead;

	private final Duration timeout;

	private final Duration actionTimeout;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/** The client's JWT of the call running on this (virtual) thread, put on the request by {@link #bearer}. */
	private static final ThreadLocal<String> BEARER = new ThreadLocal<>();

	ClientServices(RestClient.Builder builder, PagesProperties pages, CircuitBreakerRegistry breakers,
			BulkheadRegistry bulkheads) {
		this.timeout = pages.serviceTimeout();
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(this.executor)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(this.timeout);
		this.project = builder.clone()
			.requestFactory(requests)
			.requestInterceptor(ClientServices::bearer)
			.baseUrl(pages.projectUrl().toString())
			.build();
		this.media = builder.clone()
			.requestFactory(requests)
			.requestInterceptor(ClientServices::bearer)
			.baseUrl(pages.mediaUrl().toString())
			.build();
		this.actionTimeout = pages.actionTimeout();
		JdkClientHttpRequestFactory actions = new JdkClientHttpRequestFactory(http);
		actions.setReadTimeout(this.actionTimeout);
		this.projectActions = builder.clone()
			.requestFactory(actions)
			.requestInterceptor(ClientServices::bearer)
			.baseUrl(pages.projectUrl().toString())
			.build();
		this.projectBreaker = breakers.circuitBreaker(PROJECT);
		this.mediaBreaker = breakers.circuitBreaker(MEDIA);
		this.projectBulkhead = bulkheads.bulkhead(PROJECT);
		this.mediaBulkhead = bulkheads.bulkhead(MEDIA);
	}

	/** Starts a call to project-service. */
	<T> Call<T> project(ClientToken token, Function<RestClient, T> call) {
		return start(this.project, this.projectBreaker, this.projectBulkhead, token, call, this.timeout);
	}

	/** Starts a form's call to project-service (a POST), which may take up to the action timeout. */
	<T> Call<T> projectAction(ClientToken token, Function<RestClient, T> call) {
		return start(this.projectActions, this.projectBreaker, null, token, call, this.actionTimeout);
	}

	/** Starts a call to media-service. */
	<T> Call<T> media(ClientToken token, Function<RestClient, T> call) {
		return start(this.media, this.mediaBreaker, this.mediaBulkhead, token, call, this.timeout);
	}

	/**
	 * Runs the call on a virtual thread, inside the circuit breaker; with a bulkhead, only if it has a place
	 * (released when the call ends, answered or not, even after the page stopped waiting).
	 */
	private <T> Call<T> start(RestClient client, CircuitBreaker breaker, Bulkhead bulkhead, ClientToken token,
			Function<RestClient, T> call, Duration timeout) {
		// The page's wait counts from here, so a wait for a place in the bulkhead is part of it, not added to it.
		long startedAt = System.nanoTime();
		Duration wait = timeout.plusMillis(100);
		if (bulkhead != null && !bulkhead.tryAcquirePermission()) {
			return new Call<>(breaker.getName(),
					CompletableFuture.failedFuture(BulkheadFullException.createBulkheadFullException(bulkhead)), wait,
					startedAt);
		}
		String jwt = token.accessToken();
		CompletableFuture<T> future = new CompletableFuture<>();
		Runnable task = () -> {
			BEARER.set(jwt);
			try {
				future.complete(breaker.executeSupplier(() -> call.apply(client)));
			}
			catch (RuntimeException ex) {
				future.completeExceptionally(ex);
			}
			finally {
				BEARER.remove();
				if (bulkhead != null) {
					bulkhead.onComplete();
				}
			}
		};
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down.
			if (bulkhead != null) {
				bulkhead.onComplete();
			}
			future.completeExceptionally(ex);
		}
		return new Call<>(breaker.getName(), future, wait, startedAt);
	}

	/** The client's JWT, explicitly (platform-web's relay then leaves the call alone). */
	private static ClientHttpResponse bearer(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String jwt = BEARER.get();
		if (jwt == null) {
			throw new IllegalStateException("A call to another service without the client's token");
		}
		request.getHeaders().setBearerAuth(jwt);
		return execution.execute(request, body);
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** A call under way; {@link #section()} waits for it, at most the pages' timeout. */
	static final class Call<T> {

		private final String service;

		private final CompletableFuture<T> future;

		private final Duration wait;

		private final long startedAt;

		Call(String service, CompletableFuture<T> future, Duration wait) {
			this(service, future, wait, System.nanoTime());
		}

		Call(String service, CompletableFuture<T> future, Duration wait, long startedAt) {
			this.service = service;
			this.future = future;
			this.wait = wait;
			this.startedAt = startedAt;
		}

		Section<T> section() {
			long left = this.wait.toNanos() - (System.nanoTime() - this.startedAt);
			try {
				return Section.of(this.future.get(Math.max(left, 0), TimeUnit.NANOSECONDS));
			}
			catch (TimeoutException ex) {
				this.future.cancel(true);
				log.warn("{}-service did not answer within {}", this.service, this.wait);
				return Section.unavailable();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Section.unavailable();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof BulkheadFullException || ex.getCause() instanceof CallNotPermittedException) {
					// Not called at all: its calls already under way fill its bulkhead, or its circuit is open. A
					// stalled service gives a hundred of these a second; the bulkhead's and the circuit's metrics
					// (resilience4j_bulkhead_available_concurrent_calls, resilience4j_circuitbreaker_not_permitted_calls)
					// count them, and the calls that did time out or fail are logged below.
					log.debug("{}-service not called: {}", this.service, ex.getCause().getMessage());
					return Section.unavailable();
				}
				if (ex.getCause() instanceof HttpClientErrorException refused) {
					HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
					if (status == HttpStatus.NOT_FOUND) {
						return Section.notFound();
					}
					if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
						return Section.signedOut();
					}
					if (status == HttpStatus.CONFLICT) {
						return new Section<>(null, Section.State.CONFLICT, detail(refused));
					}
					if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.UNPROCESSABLE_CONTENT) {
						log.info("{}-service refused a call as invalid: {}", this.service, detail(refused));
						return new Section<>(null, Section.State.INVALID, detail(refused));
					}
				}
				log.warn("{}-service call failed: {}", this.service, ex.getCause().toString());
				return Section.unavailable();
			}
		}
	}

	/** The refusal's RFC 9457 {@code detail}, or null without one. */
	private static String detail(HttpClientErrorException refused) {
		try {
			ProblemDetail problem = refused.getResponseBodyAs(ProblemDetail.class);
			return (problem != null) ? problem.getDetail() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What a section of a page shows.
	 *
	 * @param value the answer, when {@code state} is {@link State#OK}
	 * @param state how the call ended
	 * @param detail the service's explanation of a refusal ({@link State#CONFLICT}, {@link State#INVALID}), or null
	 * @param <T> the answer's type
	 */
	record Section<T>(T value, State state, String detail) {

		enum State {
			OK, NOT_FOUND, SIGNED_OUT, UNAVAILABLE, CONFLICT, INVALID
		}

		Section(T value, State state) {
			this(value, state, null);
		}

		static <T> Section<T> of(T value) {
			return (value != null) ? new Section<>(value, State.OK) : unavailable();
		}

		static <T> Section<T> notFound() {
			return new Section<>(null, State.NOT_FOUND);
		}

		static <T> Section<T> signedOut() {
			return new Section<>(null, State.SIGNED_OUT);
		}

		static <T> Section<T> unavailable() {
			return new Section<>(null, State.UNAVAILABLE);
		}

		/** For the templates: whether the section has its content. */
		public boolean available() {
			return this.state == State.OK;
		}
	}
}
