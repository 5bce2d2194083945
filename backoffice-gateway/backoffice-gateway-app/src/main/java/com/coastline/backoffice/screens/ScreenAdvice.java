package com.coastline.backoffice.screens;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.signin.IdentityUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * How the screens answer when they cannot show what was asked: no session → the sign-in page; an unknown,
 * malformed or other workspace's id (also an id in the address that is not one, {@code @PathVariable UUID}) → the
 * 404 page; a service (or identity) down, or its circuit open → the 503 "service unavailable" page with
 * {@code Retry-After: 10}, saying which part of the back office is affected; a refusal no screen handled itself → a page with the
 * service's message (its status kept). Ordered before platform-web's JSON problems, for every screen (also those of
 * {@code screens}' other sub-packages, which share these exceptions). Never a 500 for anything a person typed.
 */
@ControllerAdvice(basePackageClasses = ScreenAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScreenAdvice {

	private static final Logger log = LoggerFactory.getLogger(ScreenAdvice.class);

	private final ScreenLayout layout;

	private final DataSize maxFileSize;

	ScreenAdvice(ScreenLayout layout,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.layout = layout;
		this.maxFileSize = maxFileSize;
	}

	@ExceptionHandler(SignInRequiredException.class)
	String signIn() {
		return "redirect:/sign-in";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
		page(request, response, model);
		return "backoffice/not-found";
	}

	/** An id in the address that is not one is a page that is not there; another mistyped parameter a 400. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		page(request, response, model);
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "backoffice/not-found";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("message", "This page cannot do that. Go back and try again.");
		return "backoffice/refused";
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable(ServiceUnavailableException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		log.warn("A screen could not reach {}: {}", ex.service().id(), ex.getMessage());
		page(request, response, model);
		response.setHeader(HttpHeaders.RETRY_AFTER, "10");
		model.addAttribute("service", ex.service().id());
		return "backoffice/service-unavailable";
	}

	@ExceptionHandler(IdentityUnavailableException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String identityUnavailable(IdentityUnavailableException ex, HttpServletResponse response, Model model) {
		log.warn("A screen could not reach identity: {}", String.valueOf(ex.getCause()));
		noStore(response);
		response.setHeader(HttpHeaders.RETRY_AFTER, "10");
		model.addAttribute("service", Service.IDENTITY.id());
		return "backoffice/service-unavailable";
	}

	@ExceptionHandler(ServiceRefusedException.class)
	String refused(ServiceRefusedException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		page(request, response, model);
		response.setStatus(ex.problem().status() >= 400 ? ex.problem().status() : 422);
		model.addAttribute("message", ex.problem().message());
		return "backoffice/refused";
	}

	/**
	 * An upload over the screens' multipart limit ({@code spring.servlet.multipart.max-file-size}, media-service's
	 * own: 413 with the limit in words), or a form that is not the multipart it claims to be (400).
	 */
	@ExceptionHandler(MultipartException.class)
	String badUpload(MultipartException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		page(request, response, model);
		if (ex instanceof MaxUploadSizeExceededException) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			model.addAttribute("message", tooLarge(this.maxFileSize));
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("message", "The file could not be read. Choose it again and send the form.");
		}
		return "backoffice/refused";
	}

	/** What the screens say of an upload over their limit. */
	static String tooLarge(DataSize maxFileSize) {
		return "The file is larger than " + maxFileSize.toMegabytes() + " MB. Send a smaller one.";
	}

	/** The error pages' layout: the header, no caching. */
	void page(HttpServletRequest request, HttpServletResponse response, Model model) {
		noStore(response);
		ModelMap header = new ModelMap();
		this.layout.addTo(header, request);
		model.addAllAttributes(header);
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}
}
