package com.coastline.platform.web.client;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;

/** Registers {@link CoastlineRestClientCustomizer}. */
@AutoConfiguration(afterName = {
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration" },
		beforeName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass(RestClientCustomizer.class)
@EnableConfigurationProperties(HttpClientDefaultsProperties.class)
public class HttpClientDefaultsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoastlineRestClientCustomizer coastlineRestClientCustomizer(HttpClientDefaultsProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> settings) {
		return new CoastlineRestClientCustomizer(properties,
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				settings.getIfAvailable(HttpClientSettings::defaults));
	}
}
