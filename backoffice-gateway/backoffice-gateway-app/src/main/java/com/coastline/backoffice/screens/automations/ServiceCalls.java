package com.coastline.backoffice.screens.automations;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.coastline.backoffice.signin.StaffToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;

/**
 * Calls one service's back-office API with the signed-in member's staff JWT, at the address and with the timeouts
 * of the gateway's route to it ({@code coastline.backoffice.routing.*}), and turns its refusals into the
 * exceptions the pages answer: no answer or a 5xx → {@link ScreenException.Unavailable}, 404 →
 * {@link ScreenException.NotFound}, 400/422 → {@link ScreenException.Refused} with the problem's field errors,
 * 409 → {@link ScreenException.Conflict}, 401 → {@link ScreenException.SignInNeeded}; an answer that cannot be read
 * counts as no answer.
 */
final class ServiceCalls {

	private static final Logger logger = LoggerFactory.getLogger(ServiceCalls.class);

	private final String service;

	private final RestClient client;

	ServiceCalls(String service, RestClient client) {
		this.service = service;
		this.client = client;
	}

	/** A client of the service named {@code service} ({@code automation}, {@code project}, …). */
	static ServiceCalls of(String service, RestClient.Builder builder, Environment environment) {
		Binder binder = Binder.get(environment);
		String prefix = "coastline.backoffice.routing.";
		String url = binder.bind(prefix + "services." + service + ".url", String.class)
			.orElseThrow(() -> new IllegalStateException("No URL for " + service));
		Duration connect = binder.bind(prefix + "connect-timeout", Duration.class).orElse(Duration.ofSeconds(1));
		Duration answer = binder.bind(prefix + "services." + service + ".timeout", Duration.class)
			.orElse(Duration.ofSeconds(5));
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connect).build());
		requests.setReadTimeout(answer);
		return new ServiceCalls(service, builder.clone().baseUrl(url).requestFactory(requests).build());
	}

	/** One call: {@code call} gets the client, the member's token is set on every request it makes. */
	<T> T call(StaffToken token, Function<RestClient, T> call) {
		try {
			return call.apply(this.client.mutate()
				.defaultHeaders((headers) -> headers.setBearerAuth(token.accessToken()))
				.build());
		}
		catch (ResourceAccessException ex) {
			logger.warn("{} did not answer: {}", this.service, ex.getMessage());
			throw new ScreenException.Unavailable(this.service);
		}
		catch (HttpStatusCodeException ex) {
			throw refusal(ex);
		}
		catch (RestClientException ex) {
			logger.warn("{} gave an answer the pages cannot read: {}", this.service, ex.getMessage());
			throw new ScreenException.Unavailable(this.service);
		}
	}

	private RuntimeException refusal(HttpStatusCodeException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
		if (status == HttpStatus.NOT_FOUND) {
			return new ScreenException.NotFound();
		}
		if (status == HttpStatus.UNAUTHORIZED) {
			return new ScreenException.SignInNeeded();
		}
		if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.UNPROCESSABLE_CONTENT
				|| status == HttpStatus.CONFLICT) {
			Problem problem = problem(ex);
			Map<String, String> errors = new LinkedHashMap<>();
			if (problem.errors() != null) {
				problem.errors().forEach((error) -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
			}
			String detail = (problem.detail() != null) ? problem.detail() : "";
			return (status == HttpStatus.CONFLICT) ? new ScreenException.Conflict(detail)
					: new ScreenException.Refused(detail, errors);
		}
		logger.warn("{} answered {}", this.service, ex.getStatusCode());
		return new ScreenException.Unavailable(this.service);
	}

	private static Problem problem(HttpStatusCodeException ex) {
		try {
			Problem problem = ex.getResponseBodyAs(Problem.class);
			return (problem != null) ? problem : new Problem(null, null);
		}
		catch (RuntimeException unreadable) {
			return new Problem(null, null);
		}
	}

	/** The parts of an RFC 9457 problem the pages show. */
	record Problem(String detail, List<FieldError> errors) {
	}

	/** One of a {@code validation-failed} problem's {@code errors}. */
	record FieldError(String field, String message) {
	}
}
