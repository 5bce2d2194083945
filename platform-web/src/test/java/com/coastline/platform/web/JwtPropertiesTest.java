package com.coastline.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import com.coastline.platform.web.security.CoastlineSecurityProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class JwtPropertiesTest {

	@ParameterizedTest
	@ValueSource(strings = { "none", "HS256", "HS512", "es256" })
	void symmetricOrUnknownAlgorithmsCannotBeConfigured(String algorithm) {
		assertThatIllegalArgumentException().isThrownBy(() -> jwt(algorithm)).withMessageContaining(algorithm);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ES256", "RS256", "PS512" })
	void asymmetricAlgorithmsCanBeConfigured(String algorithm) {
		assertThatNoException().isThrownBy(() -> jwt(algorithm));
	}

	private static CoastlineSecurityProperties.Jwt jwt(String algorithm) {
		return new CoastlineSecurityProperties.Jwt(URI.create("http://127.0.0.1/jwks"), "https://identity", "coastline",
				Set.of(algorithm), Duration.ofSeconds(30));
	}
}
