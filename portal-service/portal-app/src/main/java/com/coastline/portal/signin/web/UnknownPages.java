package com.coastline.portal.signin.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Any other path under a portal's address: the portal's own "page not found" (branded), rather than a JSON
 * problem. {@code /p/assets/**} (a reserved address) stays with the static files.
 */
@Controller
class UnknownPages {

	private final PortalAddresses addresses;

	UnknownPages(PortalAddresses addresses) {
		this.addresses = addresses;
	}

	@RequestMapping("/p/{slug:(?!assets$)[a-zA-Z0-9-]+}/**")
	ModelAndView unknown(@PathVariable String slug, HttpServletRequest request) {
		return new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND).addObject("portal",
				this.addresses.open(slug, request));
	}
}
