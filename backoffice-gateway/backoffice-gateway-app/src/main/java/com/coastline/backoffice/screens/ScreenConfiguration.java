package com.coastline.backoffice.screens;

import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The screens' layout interceptor. The screens' upload forms keep Spring Boot's multipart limits (1 MB a file,
 * 10 MB a request; {@link #MAX_FILE}): raising them here would change how the routes pass multipart bodies on (see
 * the README's known limits).
 */
@Configuration(proxyBeanMethods = false)
class ScreenConfiguration implements WebMvcConfigurer {

	/** Spring Boot's default {@code spring.servlet.multipart.max-file-size}, for the screens' message. */
	static final DataSize MAX_FILE = DataSize.ofMegabytes(1);

	private final ScreenLayout layout;

	ScreenConfiguration(ScreenLayout layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.layout);
	}
}
