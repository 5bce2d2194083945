package com.coastline.portal.signin.web;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.portal.profile.ProfileManagement;
import com.coastline.portal.profile.PublicPortal;

import org.springframework.stereotype.Component;

/**
 * Finds the portal a page belongs to from the address in its path: an unknown address is the "no portal
 * here" page, an old (or differently written) one moves permanently to the current address, and a closed
 * portal says so. The portal found is kept on the request for the error pages' branding.
 */
@Component
class PortalAddresses {

	static final String ATTRIBUTE = PortalAddresses.class.getName() + ".portal";

	private static final String PREFIX = "/p/";

	private final ProfileManagement profiles;

	PortalAddresses(ProfileManagement profiles) {
		this.profiles = profiles;
	}

	/** The open portal at the address of this request. */
	PublicPortal open(String slug, HttpServletRequest request) {
		PublicPortal portal = this.profiles.lookup(slug).orElseThrow(PortalNotFoundException::new);
		if (!slug.equals(portal.canonicalSlug())) {
			throw new PortalMovedException(moved(request, portal.canonicalSlug()));
		}
		request.setAttribute(ATTRIBUTE, portal);
		if (!portal.active()) {
			throw new PortalClosedException();
		}
		return portal;
	}

	/** The same path and query at the current address (relative: never built from the request's Host). */
	private static String moved(HttpServletRequest request, String canonicalSlug) {
		String path = request.getRequestURI();
		int end = path.indexOf('/', PREFIX.length());
		String rest = (end < 0) ? "" : path.substring(end);
		String query = request.getQueryString();
		return PREFIX + canonicalSlug + rest + ((query != null) ? "?" + query : "");
	}

	/** No workspace ever claimed the address. */
	static final class PortalNotFoundException extends RuntimeException {

		PortalNotFoundException() {
			super("There is no portal at this address", null, false, false);
		}
	}

	/** The portal is not open to clients. */
	static final class PortalClosedException extends RuntimeException {

		PortalClosedException() {
			super("The portal is not active", null, false, false);
		}
	}

	/** An old address: the portal lives at {@code location} now. */
	static final class PortalMovedException extends RuntimeException {

		private final String location;

		PortalMovedException(String location) {
			super("The portal has moved", null, false, false);
			this.location = location;
		}

		String location() {
			return this.location;
		}
	}
}
