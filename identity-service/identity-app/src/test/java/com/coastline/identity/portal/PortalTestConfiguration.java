package com.coastline.identity.portal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the sign-in clock with one the tests can move. */
@TestConfiguration(proxyBeanMethods = false)
public class PortalTestConfiguration {

	@Bean
	@Primary
	MovableSignInClock movableSignInClock() {
		return new MovableSignInClock();
	}
}
