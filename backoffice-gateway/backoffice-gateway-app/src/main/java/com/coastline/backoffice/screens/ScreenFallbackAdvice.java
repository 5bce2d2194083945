package com.coastline.backoffice.screens;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Anything else that goes wrong on a screen is a page too, not platform-web's JSON problem: Spring MVC's own
 * refusals keep their status (405, 400, …), the unexpected is logged and a 500 page. For every screen of
 * {@code screens} and its sub-packages; a screen's own exception handlers still come first.
 */
@ControllerAdvice(basePackageClasses = ScreenFallbackAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ScreenFallbackAdvice {

	private static final Logger log = LoggerFactory.getLogger(ScreenFallbackAdvice.class);

	private final ScreenAdvice pages;

	ScreenFallbackAdvice(ScreenAdvice pages) {
		this.pages = pages;
	}

	/** Spring MVC's own refusals keep their status (405, 400, …); anything unexpected is logged and a 500 page. */
	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		this.pages.page(request, response, model);
		int status = (ex instanceof ErrorResponse error) ? error.getStatusCode().value()
				: HttpStatus.INTERNAL_SERVER_ERROR.value();
		if (status >= 500) {
			log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
			model.addAttribute("message", "Something went wrong on our side. Please try again in a moment.");
		}
		else {
			model.addAttribute("message", "This page cannot do that. Go back and try again.");
		}
		response.setStatus(status);
		return "backoffice/refused";
	}
}
