package com.coastline.platform.web.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service using platform-web the way real services do: JPA with {@code @TenantId}, MVC, RestClient. */
@SpringBootApplication
public class TestApplication {
}
