package com.coastline.backoffice.screens;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ModelMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The screens' layout interceptor, and the page for an upload over the limit. The screens' upload forms take files
 * up to Spring Boot's multipart limits, set to media-service's own ({@code spring.servlet.multipart.*} in
 * {@code application.yml}: 25 MB a file, 26 MB a request, each part written to a temporary file as it is read).
 * A larger one is cut off while it is read: Tomcat refuses it with 413 as soon as the form's fields are first read
 * (Spring Security's CSRF check reads the {@code _csrf} field, before any screen), so its page comes from the error
 * view here ({@link #uploadTooLarge}, the screens' "That did not work" page with the limit in words, for browsers);
 * when a screen reads the form first, {@link ScreenAdvice} says the same. The routes' multipart bodies are not
 * parsed by these settings: Spring Cloud Gateway's multipart resolver leaves them to stream on to the service.
 */
@Configuration(proxyBeanMethods = false)
class ScreenConfiguration implements WebMvcConfigurer {

	private final ScreenLayout layout;

	ScreenConfiguration(ScreenLayout layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.layout);
	}

	/** A 413 for a browser (an HTML error page): the upload was larger than the screens take. */
	@Bean
	ErrorViewResolver uploadTooLarge(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		return (request, status, model) -> {
			if (status != HttpStatus.CONTENT_TOO_LARGE) {
				return null;
			}
			ModelMap page = new ModelMap();
			this.layout.addTo(page, request);
			page.addAttribute("message", ScreenAdvice.tooLarge(maxFileSize));
			return new ModelAndView("backoffice/refused", page, status);
		};
	}
}
