package com.coastline.project.invoice.messaging;

import com.coastline.platform.messaging.EventRoute;
import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoiceOverdue;
import com.coastline.project.api.InvoicePaid;
import com.coastline.project.api.InvoiceVoided;
import com.coastline.project.api.PaymentReceived;
import com.coastline.project.api.ProjectTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Invoice events leave through the outbox on {@code project.events}, keyed by invoice id. */
@Configuration(proxyBeanMethods = false)
class InvoiceEventRoutes {

	@Bean
	EventRoute<InvoiceIssued> invoiceIssuedRoute() {
		return EventRoute.of(InvoiceIssued.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.INVOICE_ISSUED)
			.id(InvoiceIssued::eventId)
			.key(event -> event.invoiceId().toString())
			.time(InvoiceIssued::issuedAt)
			.build();
	}

	@Bean
	EventRoute<PaymentReceived> paymentReceivedRoute() {
		return EventRoute.of(PaymentReceived.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.PAYMENT_RECEIVED)
			.id(PaymentReceived::eventId)
			.key(event -> event.invoiceId().toString())
			.time(PaymentReceived::receivedAt)
			.build();
	}

	@Bean
	EventRoute<InvoicePaid> invoicePaidRoute() {
		return EventRoute.of(InvoicePaid.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.INVOICE_PAID)
			.id(InvoicePaid::eventId)
			.key(event -> event.invoiceId().toString())
			.time(InvoicePaid::paidAt)
			.build();
	}

	@Bean
	EventRoute<InvoiceOverdue> invoiceOverdueRoute() {
		return EventRoute.of(InvoiceOverdue.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.INVOICE_OVERDUE)
			.id(InvoiceOverdue::eventId)
			.key(event -> event.invoiceId().toString())
			.time(InvoiceOverdue::detectedAt)
			.build();
	}

	@Bean
	EventRoute<InvoiceVoided> invoiceVoidedRoute() {
		return EventRoute.of(InvoiceVoided.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.INVOICE_VOIDED)
			.id(InvoiceVoided::eventId)
			.key(event -> event.invoiceId().toString())
			.time(InvoiceVoided::voidedAt)
			.build();
	}
}
