package com.coastline.identity.portal.web;

import com.coastline.platform.web.problem.ProblemException;
import com.coastline.platform.web.problem.ProblemType;

/**
 * The one answer to a link or session that does not work, whatever the reason (unknown, tampered,
 * expired, revoked, ended, empty, too long), so that it reveals nothing about other tokens.
 */
class NotSignedIn extends ProblemException {

	NotSignedIn() {
		super(ProblemType.UNAUTHORIZED, "The link or session is not valid.");
	}
}
