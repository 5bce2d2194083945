package com.coastline.portal.signin.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.portal.signin.IdentityUnavailableException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the client's pages (every controller of this package) are pages too, branded when the portal is
 * known; never platform-web's JSON problems (which answer the REST endpoints) and never a stack trace.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	/** How long the "try again" page suggests waiting. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	@ExceptionHandler(PortalAddresses.PortalNotFoundException.class)
	ModelAndView notFound(HttpServletRequest request) {
		return page("portal/not-found", HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler(PortalAddresses.PortalClosedException.class)
	ModelAndView closed(HttpServletRequest request) {
		return page("portal/closed", HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler(PortalAddresses.PortalMovedException.class)
	ModelAndView moved(PortalAddresses.PortalMovedException ex) {
		return Pages.redirect(ex.location(), HttpStatus.MOVED_PERMANENTLY);
	}

	@ExceptionHandler(IdentityUnavailableException.class)
	ModelAndView identityUnavailable(IdentityUnavailableException ex, HttpServletRequest request,
			HttpServletResponse response) {
		log.warn("Sign-in page answered 503: {}", ex.getCause().toString());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		return page("portal/try-again", HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/** Spring MVC's own refusals (a wrong method, a missing parameter) keep their status; anything else is a 500. */
	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse refused) {
			HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
			return page("portal/error", (status != null) ? status : HttpStatus.BAD_REQUEST, request);
		}
		log.error("Portal page failed", ex);
		return page("portal/error", HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	private static ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
		ModelAndView page = new ModelAndView(view, status);
		Object portal = request.getAttribute(PortalAddresses.ATTRIBUTE);
		if (portal != null) {
			page.addObject("portal", portal);
		}
		return page;
	}
}
