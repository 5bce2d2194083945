package com.coastline.backoffice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway's parts stay apart: Spring Modulith keeps every module to the others' top-level types (routing and
 * the screens use only {@code signin}'s {@code StaffTokens}, {@code StaffToken}, …, never {@code signin.web}) and
 * without cycles; on top, the screens and the routes do not use each other at all (the screens call the services
 * themselves, with the staff JWT; the routes know no page).
 */
class ModularityTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.coastline.backoffice");

	@Test
	void featuresDoNotReachIntoEachOthersInternals() {
		ApplicationModules.of(BackofficeGatewayApplication.class).verify();
	}

	@Test
	void theScreensDoNotUseTheRoutes() {
		noClasses().that()
			.resideInAPackage("com.coastline.backoffice.screens..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.coastline.backoffice.routing..")
			.check(CLASSES);
	}

	@Test
	void theRoutesDoNotUseTheScreens() {
		noClasses().that()
			.resideInAPackage("com.coastline.backoffice.routing..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.coastline.backoffice.screens..")
			.check(CLASSES);
	}

	@Test
	void theScreensUseOnlyTheTopLevelTypesOfSignIn() {
		noClasses().that()
			.resideInAPackage("com.coastline.backoffice.screens..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.coastline.backoffice.signin.*..")
			.check(CLASSES);
	}
}
