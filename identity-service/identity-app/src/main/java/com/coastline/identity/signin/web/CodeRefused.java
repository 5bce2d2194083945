package com.coastline.identity.signin.web;

import java.net.URI;
import java.util.Map;

import com.coastline.platform.web.problem.ProblemException;
import com.coastline.platform.web.problem.ProblemType;

/**
 * A code that did not sign in: 401, with how many tries the same code has left (0: ask for a new one).
 * Unknown emails get codes too (never mailed), so this says nothing about which emails are on file.
 */
public class CodeRefused extends ProblemException {

	public static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "code-refused");

	private final int attemptsLeft;

	public CodeRefused(int attemptsLeft) {
		super(ProblemType.UNAUTHORIZED, (attemptsLeft > 0) ? "That code is not right. Check it and try again."
				: "That code no longer works. Ask for a new one.");
		this.attemptsLeft = attemptsLeft;
	}

	@Override
	public URI type() {
		return TYPE;
	}

	@Override
	public String title() {
		return "Code not accepted";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("attemptsLeft", this.attemptsLeft);
	}
}
