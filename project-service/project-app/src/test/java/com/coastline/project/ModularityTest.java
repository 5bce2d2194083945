package com.coastline.project;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Features use each other only through their top-level types, never their web/ or messaging/ internals. */
class ModularityTest {

	@Test
	void featuresDoNotReachIntoEachOthersInternals() {
		ApplicationModules.of(ProjectServiceApplication.class).verify();
	}
}
