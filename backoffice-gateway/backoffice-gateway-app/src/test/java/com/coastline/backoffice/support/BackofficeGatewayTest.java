package com.coastline.backoffice.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The module's shared Spring context: the whole gateway, with identity-service stood in for at its HTTP boundary
 * by {@link IdentityStub} and the six routed services by {@link ServicesStub}. Small limits where tests need to
 * reach them: 20 API calls per client IP and minute, notification's route times out after 500 ms, automation's
 * circuit opens after 4 calls of which half failed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "coastline.backoffice.public-base-url=https://backoffice.test",
				"coastline.backoffice.routing.rate-limit.limit-for-period=20",
				"coastline.backoffice.routing.rate-limit.refresh-period=1m",
				"coastline.backoffice.routing.services.notification.timeout=500ms",
				"resilience4j.circuitbreaker.instances.automation.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.automation.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.automation.wait-duration-in-open-state=1m" })
@AutoConfigureMockMvc
@Import({ IdentityStub.class, ServicesStub.class })
public @interface BackofficeGatewayTest {
}
