package com.coastline.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** portal-service: each workspace's Customer Portal: its profile, branding and address. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PortalServiceApplication.class, args);
	}
}
