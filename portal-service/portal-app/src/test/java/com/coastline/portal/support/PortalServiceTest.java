package com.coastline.portal.support;

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
 * The module's shared Spring context: the whole service on real PostgreSQL and Kafka, with identity-service
 * stood in for at its HTTP boundary by {@link IdentityStub}, project-service and media-service by {@link ServicesStub}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "coastline.portal.public-base-url=https://portal.test" })
@AutoConfigureMockMvc
@Import({ TestInfrastructure.class, IdentityStub.class, ServicesStub.class })
public @interface PortalServiceTest {
}
