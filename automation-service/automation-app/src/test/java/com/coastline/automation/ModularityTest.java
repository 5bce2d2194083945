package com.coastline.automation;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Features reach each other only through their top-level types (run uses automation, never the reverse). */
class ModularityTest {

	@Test
	void featuresDependOnlyOnEachOthersPublicTypes() {
		ApplicationModules.of(AutomationServiceApplication.class).verify();
	}
}
