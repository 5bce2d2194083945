package com.coastline.portal.signin.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Redirects of the pages: relative, same-origin, and never with model attributes in the URL. */
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
}
