package com.coastline.automation.automation;

import com.coastline.platform.web.problem.UnprocessableException;

/** An automation that breaks a rule of the domain; answered as 422. */
public class InvalidAutomationException extends UnprocessableException {

	public InvalidAutomationException(String detail) {
		super(detail);
	}
}
