package com.coastline.backoffice;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Routing and the sign-in pages stay apart: routing uses only the top-level types of {@code signin}. */
class ModularityTest {

	@Test
	void featuresDoNotReachIntoEachOthersInternals() {
		ApplicationModules.of(BackofficeGatewayApplication.class).verify();
	}
}
