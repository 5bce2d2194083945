package com.coastline.notification.support;

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
 * The module's shared Spring context: the whole service on real PostgreSQL, Kafka and the JVM's GreenMail.
 * Small sender batches, so that concurrent senders interleave in the race test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "coastline.notification.batch-size=5" })
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
public @interface NotificationServiceTest {
}
