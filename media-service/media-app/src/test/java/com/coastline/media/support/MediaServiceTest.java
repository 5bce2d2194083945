package com.coastline.media.support;

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
 * The module's shared Spring context: the whole service on real PostgreSQL and Kafka, files in a
 * temporary directory, and small upload limits (so the oversized-upload test sends little).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.servlet.multipart.max-file-size=512KB",
				"spring.servlet.multipart.max-request-size=600KB" })
@AutoConfigureMockMvc
@Import({ TestInfrastructure.class, MediaTestDirectories.class })
public @interface MediaServiceTest {
}
