package com.coastline.project.config;

import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Back-office access rules on every {@code /api/**} endpoint. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final CurrentTenant currentTenant;

	WebConfiguration(CurrentTenant currentTenant) {
		this.currentTenant = currentTenant;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new BackOfficeAccess(this.currentTenant)).addPathPatterns("/api/**");
	}
}
