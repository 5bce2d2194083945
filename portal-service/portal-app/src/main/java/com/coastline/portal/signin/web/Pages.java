package com.coastline.portal.signin.web;

import java.util.UUID;

import com.coastline.portal.profile.PublicPortal;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the portal's pages share: their model (the portal and its address), the sign-in redirect, the branded 404
 * and "unavailable" pages, and redirects (relative, same-origin, never with model attributes in the URL).
 */
final class Pages {

	private Pages() {
	}

	static ModelAndView redirect(String path, HttpStatus status) {
		RedirectView view = new RedirectView(path, true, false);
		view.setExposeModelAttributes(false);
		view.setStatusCode(status);
		return new ModelAndView(view);
	}

	/** After a form: GET the next page. */
	static ModelAndView seeOther(String path) {
		return redirect(path, HttpStatus.SEE_OTHER);
	}

	/** A page of the portal, with the portal (branding) and its canonical address for the links. */
	static ModelAndView page(String view, PublicPortal portal) {
		return new ModelAndView(view, HttpStatus.OK).addObject("portal", portal).addObject("slug", portal.canonicalSlug());
	}

	/** Not signed in to this portal (or no longer): to its sign-in page. */
	static ModelAndView signIn(PublicPortal portal) {
		return redirect("/p/" + portal.canonicalSlug() + "/sign-in", HttpStatus.FOUND);
	}

	/** The branded 404 page: another contact's, another workspace's and an unknown id look alike. */
	static ModelAndView notFound(PublicPortal portal) {
		ModelAndView page = page("portal/not-found", portal);
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	/** The branded "unavailable right now" page, when the service a page cannot do without failed. */
	static ModelAndView unavailable(PublicPortal portal) {
		ModelAndView page = page("portal/unavailable", portal);
		page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		return page;
	}

	/** An id from the address, or null when it is not one (then the page is the 404 page). */
	static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
