package com.coastline.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.coastline.identity.portal.PortalTestConfiguration;
import com.coastline.platform.test.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of this module's tests: the application on real PostgreSQL and Kafka, on
 * random ports (the management port too). Every test class uses exactly this, so the context is shared.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({ TestInfrastructure.class, IdentityTokens.class, PortalTestConfiguration.class })
public @interface IdentityServiceTest {
}
