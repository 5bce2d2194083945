package com.coastline.backoffice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The contractors' entry point: staff sign-in pages and the staff session cookie ({@code signin}), and the routes
 * to the services' back-office APIs with the cookie swapped for short-lived staff JWTs ({@code routing}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackofficeGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(BackofficeGatewayApplication.class, args);
	}
}
