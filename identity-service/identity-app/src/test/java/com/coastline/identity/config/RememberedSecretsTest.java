package com.coastline.identity.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A client secret that matched is remembered for minutes; a wrong one always costs BCrypt. */
class RememberedSecretsTest {

	final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	final AtomicInteger checks = new AtomicInteger();

	final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checks.incrementAndGet();
			return bcrypt.matches(raw, encoded);
		}
	};

	final MovingClock clock = new MovingClock();

	final AuthorizationServerConfiguration.RememberedSecrets secrets = new AuthorizationServerConfiguration.RememberedSecrets(
			counting, clock);

	final String stored = secrets.encode("the-secret");

	@Test
	void aMatchIsRememberedForFiveMinutes() {
		assertThat(secrets.matches("the-secret", stored)).isTrue();
		assertThat(secrets.matches("the-secret", stored)).isTrue();
		assertThat(checks).hasValue(1);

		clock.advance(AuthorizationServerConfiguration.RememberedSecrets.REMEMBER);

		assertThat(secrets.matches("the-secret", stored)).isTrue();
		assertThat(checks).as("checked again after five minutes").hasValue(2);
	}

	@Test
	void aWrongSecretIsCheckedEveryTime() {
		assertThat(secrets.matches("the-secret", stored)).isTrue();

		for (int i = 0; i < 3; i++) {
			assertThat(secrets.matches("the-secreT", stored)).isFalse();
		}
		assertThat(checks).hasValue(4);
	}

	@Test
	void aRememberedSecretMatchesOnlyTheHashItMatched() {
		String otherClient = secrets.encode("other-secret");
		assertThat(secrets.matches("the-secret", stored)).isTrue();

		assertThat(secrets.matches("the-secret", otherClient)).isFalse();
		assertThat(secrets.matches("the-secret", secrets.encode("the-secret"))).as("a new hash of the same secret")
			.isTrue();
		assertThat(checks).hasValue(3);
	}

	static final class MovingClock extends Clock {

		private Instant now = Instant.now();

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
