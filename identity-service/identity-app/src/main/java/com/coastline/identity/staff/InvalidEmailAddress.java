package com.coastline.identity.staff;

import com.coastline.platform.web.problem.BadRequestException;

/** 400: an email that is not exactly one plain address (a list, a display name, a line break). */
public class InvalidEmailAddress extends BadRequestException {

	public InvalidEmailAddress(String problem) {
		super("The email " + problem + ".");
	}
}
