package com.coastline.identity.staff;

import java.util.List;


import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.read;

/** Assertions on the problems of the staff APIs. */
final class StaffProblems {

	private StaffProblems() {
	}

	/** The fields named by a validation problem. */
	static List<String> fieldErrors(MvcTestResult result) {
		return read(result).get("errors").values().stream().map(error -> error.get("field").asString()).toList();
	}
}
