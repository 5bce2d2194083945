package com.coastline.portal;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Features use each other only through their top-level types, never their web/ internals. */
class ModularityTest {

	@Test
	void featuresDoNotReachIntoEachOthersInternals() {
		ApplicationModules.of(PortalServiceApplication.class).verify();
	}
}
