package com.coastline.platform.web.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder remembers verified tokens, never longer than the full decoder would accept them. */
class VerifiedTokenCacheTest {

	final AtomicInteger decoded = new AtomicInteger();

	final AtomicBoolean valid = new AtomicBoolean(true);

	final Set<String> published = new HashSet<>(Set.of("k1"));

	/** The full decoder: refuses "bad", and whatever the validator refuses, as NimbusJwtDecoder would. */
	final JwtDecoder full = token -> {
		this.decoded.incrementAndGet();
		if (token.startsWith("bad")) {
			throw new BadJwtException("bad signature");
		}
		Jwt jwt = jwt(token, "k1");
		OAuth2TokenValidatorResult result = validator().validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException("expired", result.getErrors());
		}
		return jwt;
	};

	final VerifiedTokenCache decoder = new VerifiedTokenCache(full, validator(), published::contains, Clock.systemUTC());

	OAuth2TokenValidator<Jwt> validator() {
		return jwt -> this.valid.get() ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));
	}

	static Jwt jwt(String token, String kid) {
		Instant now = Instant.now();
		return Jwt.withTokenValue(token).header("alg", "ES256").header("kid", kid).subject("gateway")
			.issuedAt(now).expiresAt(now.plusSeconds(300)).build();
	}

	@Test
	void aVerifiedTokenIsVerifiedOnceAndThenRemembered() {
		Jwt first = decoder.decode("token-1");
		Jwt again = decoder.decode("token-1");

		assertThat(again).isSameAs(first);
		assertThat(decoded).hasValue(1);
		decoder.decode("token-2");
		assertThat(decoded).as("another token string is verified in full").hasValue(2);
	}

	@Test
	void aRememberedTokenIsRefusedAsSoonAsTheValidatorsRefuseIt() {
		decoder.decode("token-1");
		valid.set(false); // expired, say

		assertThatThrownBy(() -> decoder.decode("token-1")).isInstanceOf(JwtValidationException.class);
		assertThat(decoded).as("refused by the full decoder, in its words").hasValue(2);
		valid.set(true);
		decoder.decode("token-1");
		assertThat(decoded).as("forgotten once refused").hasValue(3);
	}

	@Test
	void aRememberedTokenIsVerifiedAgainOnceItsKeyIsNoLongerPublished() {
		decoder.decode("token-1");
		published.clear();

		decoder.decode("token-1");

		assertThat(decoded).hasValue(2);
	}

	@Test
	void failuresAreNeverRemembered() {
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
		}
		assertThat(decoded).hasValue(3);
	}

	@Test
	void theMemoryIsBounded() {
		for (int i = 0; i <= VerifiedTokenCache.MAX_ENTRIES + 10; i++) {
			decoder.decode("token-" + i);
		}
		decoded.set(0);

		decoder.decode("token-" + (VerifiedTokenCache.MAX_ENTRIES + 10));
		decoder.decode("token-0");

		assertThat(decoded).as("the newest remembered, the oldest forgotten when it was full").hasValue(1);
	}
}
