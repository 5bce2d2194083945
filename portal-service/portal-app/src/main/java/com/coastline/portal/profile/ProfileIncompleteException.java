package com.coastline.portal.profile;

import com.coastline.platform.web.problem.UnprocessableException;

/** 422: the change needs a part of the profile that is not set yet (an address before activation, say). */
public class ProfileIncompleteException extends UnprocessableException {

	public ProfileIncompleteException(String detail) {
		super(detail);
	}
}
