package com.coastline.project.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceContractTest {

	private static final UUID WORKSPACE = UUID.randomUUID();

	@Test
	void invoiceIssuedMatchesItsSchemaFromAnEstimateAndByHand() {
		assertConforms(new InvoiceIssued(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), 2, "Roof", "USD", 1_284_150, LocalDate.of(2026, 12, 31),
				Instant.now()), schema(ProjectTopics.INVOICE_ISSUED));
		assertConforms(new InvoiceIssued(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), null, null, "Extra gutter work", "JPY", 5_000, LocalDate.of(2026, 12, 31),
				Instant.now()), schema(ProjectTopics.INVOICE_ISSUED));
		assertThat(examples(schema(ProjectTopics.INVOICE_ISSUED), InvoiceIssued.class))
			.allSatisfy(event -> assertThat(event.totalMinor()).isPositive());
	}

	@Test
	void paymentsMatchTheirSchemas() {
		assertConforms(new PaymentReceived(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "OFFLINE", "EUR", 100, 100, 900, Instant.now()), schema(ProjectTopics.PAYMENT_RECEIVED));
		assertConforms(new PaymentReceived(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "ONLINE", "EUR", 900, 1000, 0, Instant.now()), schema(ProjectTopics.PAYMENT_RECEIVED));
		assertConforms(new InvoicePaid(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(), "EUR", 1000,
				1000, Instant.now()), schema(ProjectTopics.INVOICE_PAID));
		assertThat(examples(schema(ProjectTopics.PAYMENT_RECEIVED), PaymentReceived.class)).isNotEmpty();
		assertThat(examples(schema(ProjectTopics.INVOICE_PAID), InvoicePaid.class)).isNotEmpty();
	}

	@Test
	void aPaymentOfAnUnknownMethodDoesNotMatch() {
		PaymentReceived cash = new PaymentReceived(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "CASH", "EUR", 100, 100, 900, Instant.now());

		assertThatThrownBy(() -> assertConforms(cash, schema(ProjectTopics.PAYMENT_RECEIVED)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("method");
	}

	@Test
	void overdueAndVoidedMatchTheirSchemas() {
		assertConforms(new InvoiceOverdue(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "USD", 1, LocalDate.of(2026, 12, 31), Instant.now()),
				schema(ProjectTopics.INVOICE_OVERDUE));
		assertConforms(new InvoiceVoided(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(), null,
				Instant.now()), schema(ProjectTopics.INVOICE_VOIDED));
		assertConforms(new InvoiceVoided(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(), UUID.randomUUID(),
				"Issued twice", Instant.now()), schema(ProjectTopics.INVOICE_VOIDED));
		assertThat(examples(schema(ProjectTopics.INVOICE_OVERDUE), InvoiceOverdue.class))
			.allSatisfy(event -> assertThat(event.balanceDueMinor()).isPositive());
		assertThat(examples(schema(ProjectTopics.INVOICE_VOIDED), InvoiceVoided.class)).isNotEmpty();
	}

	@Test
	void anOverdueInvoiceWithNothingDueDoesNotMatch() {
		InvoiceOverdue nothingDue = new InvoiceOverdue(UUID.randomUUID(), WORKSPACE, UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), "USD", 0, LocalDate.of(2026, 12, 31), Instant.now());

		assertThatThrownBy(() -> assertConforms(nothingDue, schema(ProjectTopics.INVOICE_OVERDUE)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("balanceDueMinor");
	}

	@ParameterizedTest
	@ValueSource(strings = { ProjectTopics.INVOICE_ISSUED, ProjectTopics.PAYMENT_RECEIVED, ProjectTopics.INVOICE_PAID,
			ProjectTopics.INVOICE_OVERDUE, ProjectTopics.INVOICE_VOIDED })
	void invoiceSchemasChangeOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}
}
