package com.coastline.portal.signin.web;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import com.coastline.portal.config.PagesProperties;
import com.coastline.portal.signin.ClientToken;
import com.coastline.portal.signin.web.ClientServices.Call;
import com.coastline.portal.signin.web.ClientServices.Section;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Files from media-service for the signed-in client (a photo's rendition, a shared document), relayed as they
 * arrive. Like {@link ClientServices}' calls (the client's JWT as an explicit bearer, the {@code media} circuit
 * breaker, a virtual thread, the page waits at most the pages' {@code service-timeout} for the answer's
 * headers, a {@link Section} for the outcome), but with no limit on the whole answer: a large document may take
 * minutes to reach a phone. What bounds a transfer instead is {@link #IDLE}: media-service sending nothing for
 * that long ends it. A file that arrives after the page stopped waiting is closed at once.
 */
@Component
class MediaDownloads implements DisposableBean {

	/** The longest media-service may stay silent during a transfer (its headers included). */
	static final Duration IDLE = Duration.ofSeconds(30);

	private final RestClient media;

	private final CircuitBreaker breaker;

	private final Duration wait;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	MediaDownloads(RestClient.Builder builder, PagesProperties pages, CircuitBreakerRegistry breakers) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory() {
			@Override
			protected void prepareConnection(HttpURLConnection connection, String method) throws IOException {
				super.prepareConnection(connection, method);
				// The bearer never follows a redirect anywhere.
				connection.setInstanceFollowRedirects(false);
			}
		};
		requests.setConnectTimeout(pages.serviceTimeout());
		// A read timeout of HttpURLConnection is the longest wait for the next bytes, not for the whole file.
		requests.setReadTimeout(IDLE);
		this.media = builder.clone().requestFactory(requests).baseUrl(pages.mediaUrl().toString()).build();
		this.breaker = breakers.circuitBreaker(ClientServices.MEDIA);
		this.wait = pages.serviceTimeout().plusMillis(100);
	}

	/**
	 * Asks media-service for the file at {@code path} (with {@code id} as its variable) with the client's JWT
	 * and waits for its headers: OK with the open file (the caller sends or closes it), or how the call failed
	 * (404, signed out, unavailable).
	 */
	Section<MediaFile> open(ClientToken token, String path, UUID id) {
		String bearer = "Bearer " + token.accessToken();
		MediaFile.Opening opening = new MediaFile.Opening();
		CompletableFuture<MediaFile> future = CompletableFuture.supplyAsync(() -> this.breaker.executeSupplier(
				() -> opening.opened(this.media.get()
					.uri(path, id)
					.header(HttpHeaders.AUTHORIZATION, bearer)
					.exchange((request, response) -> {
						HttpStatusCode status = response.getStatusCode();
						if (status.is2xxSuccessful()) {
							return new MediaFile(response);
						}
						String text = response.getStatusText();
						HttpHeaders headers = response.getHeaders();
						response.close();
						if (status.is4xxClientError()) {
							throw HttpClientErrorException.create(status, text, headers, null, null);
						}
						throw new RestClientException("media-service answered " + status.value());
					}, false))),
				this.executor);
		Section<MediaFile> file = new Call<>(this.breaker.getName(), future, this.wait).section();
		if (!file.available()) {
			opening.abandon();
		}
		return file;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}
}
