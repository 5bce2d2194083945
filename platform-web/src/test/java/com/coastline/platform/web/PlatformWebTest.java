package com.coastline.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.web.testapp.TestApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of this module's tests: the test application on real PostgreSQL, with
 * tokens of the JVM-wide test issuer. Every test class uses exactly this, so the context is shared.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
public @interface PlatformWebTest {
}
