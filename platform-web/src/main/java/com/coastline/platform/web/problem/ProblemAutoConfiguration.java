package com.coastline.platform.web.problem;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Registers {@link RestProblemHandler} unless the service has its own {@link ResponseEntityExceptionHandler},
 * and makes Tomcat answer the requests it refuses itself with problems too ({@link ProblemErrorReportValve}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ProblemAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	RestProblemHandler restProblemHandler() {
		return new RestProblemHandler();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TomcatServletWebServerFactory.class, StandardHost.class })
	static class TomcatErrorReports {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}
	}
}
