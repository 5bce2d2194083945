package com.coastline.project;

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
 * The one Spring context of this module's tests: the whole service on real PostgreSQL and Kafka, on
 * random ports (the management port too), with tokens of the JVM-wide test issuer. Every test class
 * uses exactly this, so the context is shared. {@link com.coastline.platform.test.jpa.Statements} sees every SQL statement Hibernate sends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"spring.jpa.properties.hibernate.session_factory.statement_inspector=com.coastline.platform.test.jpa.Statements" })
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
public @interface ProjectServiceTest {
}
