package com.coastline.media;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Features use each other only through their top-level types, never their web/ internals. */
class ModularityTest {

	@Test
	void featuresDoNotReachIntoEachOthersInternals() {
		ApplicationModules.of(MediaServiceApplication.class).verify();
	}
}
