package com.coastline.platform.web.client;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/**
 * Gives every {@code RestClient} built from Boot's builder the configured connect and read
 * timeouts (on the HTTP client Boot detected, keeping its SSL and redirect settings) and the
 * {@link BearerTokenRelayInterceptor}. Circuit breaker, retry and time limiter come from
 * Resilience4j annotations on the calling methods, with the defaults of
 * {@link ResilienceDefaultsEnvironmentPostProcessor}.
 */
public class CoastlineRestClientCustomizer implements RestClientCustomizer {

	private final HttpClientDefaultsProperties properties;

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private final HttpClientSettings settings;

	public CoastlineRestClientCustomizer(HttpClientDefaultsProperties properties,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings settings) {
		this.properties = properties;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.settings = settings;
	}

	@Override
	public void customize(RestClient.Builder builder) {
		HttpClientSettings withTimeouts = this.settings.withTimeouts(this.properties.connectTimeout(),
				this.properties.readTimeout());
		builder.requestFactory(this.requestFactoryBuilder.build(withTimeouts))
			.requestInterceptor(new BearerTokenRelayInterceptor(this.properties.tokenRelayHosts()));
	}
}
