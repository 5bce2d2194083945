package com.coastline.backoffice.screens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.coastline.backoffice.signin.StaffToken;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The screens' calls to the services' back-office APIs, server-side, with the signed-in member's staff JWT (so the
 * services decide, as for the routes, what the member may see: another workspace's ids answer 404). Each service
 * has its own client with the route's timeouts. Answers become values or one of the screens' exceptions:
 * {@link NotFoundException} (404), {@link ServiceRefusedException} (400, 403, 409, 413, 422, with the problem),
 * {@link SignInRequiredException} (401) and {@link ServiceUnavailableException} (no connection, a timeout, any
 * other status). No retries: a screen's POST is not known to be safe to repeat.
 * <p>
 * Each service's calls go through its Resilience4j circuit breaker, the one its route uses (named after the
 * service, {@code resilience4j.circuitbreaker.instances.<service>}), since both measure the same service: no
 * connection, a timeout or a 5xx answer count as failures, any other answer (4xx included: the service is up and
 * said something) as a success. While the circuit is open, calls fail at once with
 * {@link ServiceUnavailableException}, without reaching the service.
 * <p>
 * Uploads ({@link #upload}) stream: the part is read from the temporary file Tomcat wrote it to
 * ({@link MultipartFile#getResource()}) and sent chunk by chunk as it is read, never whole in memory. Their clients
 * are built without Boot's {@code RestClient.Builder}, as the routes' are ({@code routing.ServiceProxies}): its
 * customizers add a request interceptor (platform-web's bearer token relay), and with any interceptor
 * {@code RestClient} buffers the whole request body before sending it. Nothing is lost: these calls set the
 * member's token themselves (so the relay never applies), the timeouts are this class's own request factory (the
 * same for both clients), and the upload clients are observed as Boot's clients are. The other calls (small JSON
 * bodies) keep Boot's builder, with its message converters.
 */
@Component
public class ServiceCalls {

	private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);

	private final Map<Service, RestClient> uploadClients = new EnumMap<>(Service.class);

	private final Map<Service, CircuitBreaker> breakers = new EnumMap<>(Service.class);

	ServiceCalls(ScreenProperties properties, RestClient.Builder builder, CircuitBreakerRegistry breakers,
			ObjectProvider<ObservationRegistry> observations) {
		ObservationRegistry observationRegistry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		for (Service service : Service.values()) {
			ScreenProperties.Address address = properties.services().get(service.id());
			if (address != null) {
				JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
				requests.setReadTimeout(address.timeout());
				String url = address.url().toString();
				this.clients.put(service, builder.clone().baseUrl(url).requestFactory(requests).build());
				// A builder of its own, without Boot's customizers: any interceptor list, even an empty one, makes
				// RestClient buffer the whole request body in memory before sending it.
				RestClient uploads = RestClient.builder()
					.baseUrl(url)
					.requestFactory(requests)
					.observationRegistry(observationRegistry)
					.build();
				this.uploadClients.put(service, uploads);
				this.breakers.put(service, breakers.circuitBreaker(service.id()));
			}
		}
	}

	/** {@code GET} one resource. */
	public <T> T get(StaffToken token, Service service, Class<T> type, String uri, Object... variables) {
		return exchange(token, service, HttpMethod.GET, null, uri, variables, (response) -> response.bodyTo(type));
	}

	/** {@code GET} a list. */
	public <T> List<T> list(StaffToken token, Service service, ParameterizedTypeReference<List<T>> type, String uri,
			Object... variables) {
		List<T> items = exchange(token, service, HttpMethod.GET, null, uri, variables,
				(response) -> response.bodyTo(type));
		return (items != null) ? items : List.of();
	}

	/**
	 * Sends a JSON body (or none) with {@code POST}, {@code PUT} or {@code DELETE}.
	 * @param type the answer's type, or {@code Void.class} to ignore it
	 */
	public <T> T send(StaffToken token, Service service, HttpMethod method, Object body, Class<T> type, String uri,
			Object... variables) {
		return exchange(token, service, method, body, uri, variables,
				(response) -> (type == Void.class) ? null : response.bodyTo(type));
	}

	/**
	 * Sends a file as the multipart part {@code file}, under its own name, streamed from the part's temporary file
	 * as it is read (chunked: its length is not known before it is sent).
	 */
	public <T> T upload(StaffToken token, Service service, HttpMethod method, MultipartFile file, Class<T> type,
			String uri, Object... variables) {
		HttpHeaders part = new HttpHeaders();
		part.setContentDisposition(ContentDisposition.formData()
			.name("file")
			.filename((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "file")
			.build());
		// The services judge the type by the content; the declared one is passed on as it came.
		part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		if (file.getContentType() != null) {
			try {
				part.setContentType(MediaType.parseMediaType(file.getContentType()));
			}
			catch (InvalidMediaTypeException ex) {
				// Left as application/octet-stream.
			}
		}
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		// The part's own stream (Tomcat's temporary file), read as it is sent: never getBytes().
		parts.add("file", new HttpEntity<>(file.getResource(), part));
		return exchange(this.uploadClients, token, service, method, parts, uri, variables,
				(response) -> (type == Void.class) ? null : response.bodyTo(type));
	}

	private <T> T exchange(StaffToken token, Service service, HttpMethod method, Object body, String uri,
			Object[] variables, Reader<T> reader) {
		return exchange(this.clients, token, service, method, body, uri, variables, reader);
	}

	private <T> T exchange(Map<Service, RestClient> clients, StaffToken token, Service service, HttpMethod method,
			Object body, String uri, Object[] variables, Reader<T> reader) {
		RestClient client = clients.get(service);
		if (client == null) {
			throw new ServiceUnavailableException(service, "not configured", null);
		}
		CircuitBreaker breaker = this.breakers.get(service);
		if (!breaker.tryAcquirePermission()) {
			throw new ServiceUnavailableException(service, "circuit open", null);
		}
		long start = breaker.getCurrentTimestamp();
		try {
			T answer = call(client, token, service, method, body, uri, variables, reader);
			breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
			return answer;
		}
		catch (ServiceUnavailableException ex) {
			if (ex.failure()) {
				breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), ex);
			}
			else {
				breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			// An answer (404, a refusal, 401): the service is up.
			breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
			throw ex;
		}
		catch (Error ex) {
			breaker.releasePermission();
			throw ex;
		}
	}

	private static <T> T call(RestClient client, StaffToken token, Service service, HttpMethod method, Object body,
			String uri, Object[] variables, Reader<T> reader) {
		try {
			RestClient.RequestBodySpec request = client.method(method)
				.uri(uri, variables)
				.headers((headers) -> headers.setBearerAuth(token.accessToken()))
				.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
			if (body instanceof MultiValueMap<?, ?>) {
				request.contentType(MediaType.MULTIPART_FORM_DATA).body(body);
			}
			else if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return request.exchange((req, response) -> answer(service, response, reader), true);
		}
		catch (ResourceAccessException ex) {
			throw ServiceUnavailableException.failure(service, "no answer", ex);
		}
		catch (RestClientException | UncheckedIOException ex) {
			throw new ServiceUnavailableException(service, "unreadable answer", ex);
		}
	}

	private static <T> T answer(Service service, ConvertibleClientHttpResponse response, Reader<T> reader)
			throws IOException {
		int status = response.getStatusCode().value();
		if (response.getStatusCode().is2xxSuccessful()) {
			return (status == 204) ? null : reader.read(response);
		}
		switch (status) {
			case 401 -> throw new SignInRequiredException();
			case 404 -> throw new NotFoundException(service.id() + " resource");
			case 400, 403, 409, 413, 422 -> throw new ServiceRefusedException(service, problem(response, status));
			default -> throw (status >= 500) ? ServiceUnavailableException.failure(service, "answered " + status, null)
					: new ServiceUnavailableException(service, "answered " + status, null);
		}
	}

	private static ServiceProblem problem(ConvertibleClientHttpResponse response, int status) {
		try {
			ServiceProblem problem = response.bodyTo(ServiceProblem.class);
			return (problem != null) ? problem.withStatus(status) : ServiceProblem.of(status);
		}
		catch (RuntimeException ex) {
			return ServiceProblem.of(status);
		}
	}

	@FunctionalInterface
	private interface Reader<T> {

		T read(ConvertibleClientHttpResponse response) throws IOException;
	}
}
