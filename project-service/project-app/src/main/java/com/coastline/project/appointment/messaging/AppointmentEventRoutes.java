package com.coastline.project.appointment.messaging;

import com.coastline.platform.messaging.EventRoute;
import com.coastline.project.api.AppointmentChanged;
import com.coastline.project.api.AppointmentScheduled;
import com.coastline.project.api.ProjectTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Appointment events leave through the outbox on {@code project.events}, keyed by appointment id. */
@Configuration(proxyBeanMethods = false)
class AppointmentEventRoutes {

	@Bean
	EventRoute<AppointmentScheduled> appointmentScheduledRoute() {
		return EventRoute.of(AppointmentScheduled.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.APPOINTMENT_SCHEDULED)
			.id(AppointmentScheduled::eventId)
			.key(event -> event.appointmentId().toString())
			.time(AppointmentScheduled::occurredAt)
			.build();
	}

	@Bean
	EventRoute<AppointmentChanged> appointmentChangedRoute() {
		return EventRoute.of(AppointmentChanged.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.APPOINTMENT_CHANGED)
			.id(AppointmentChanged::eventId)
			.key(event -> event.appointmentId().toString())
			.time(AppointmentChanged::occurredAt)
			.build();
	}
}
