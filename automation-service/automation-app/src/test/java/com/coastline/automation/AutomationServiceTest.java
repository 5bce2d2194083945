package com.coastline.automation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.coastline.platform.test.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of this module's tests: the service on real PostgreSQL and Kafka, both ports
 * random, tokens from the JVM-wide test issuer. Every Spring test class uses exactly this, so the
 * context is started once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "logging.level.org.springframework.kafka=WARN",
				// Quick retries, so that waiting runs are seen to recover within a test.
				"coastline.automation.runs.interval=100ms", "coastline.automation.runs.initial-backoff=200ms",
				"coastline.automation.runs.max-backoff=1s", "coastline.automation.runs.max-attempts=6",
				"resilience4j.circuitbreaker.instances.identity.wait-duration-in-open-state=1s" })
@AutoConfigureMockMvc
@Import({ TestInfrastructure.class, IdentityStub.class })
public @interface AutomationServiceTest {
}
