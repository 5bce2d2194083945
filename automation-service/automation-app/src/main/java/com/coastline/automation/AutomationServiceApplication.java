package com.coastline.automation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * automation-service: the contractor's automations ("when a project is approved, email the client")
 * and their runs, started by other services' events and carried out through notification-service.
 */
@SpringBootApplication
public class AutomationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(AutomationServiceApplication.class, args);
	}
}
