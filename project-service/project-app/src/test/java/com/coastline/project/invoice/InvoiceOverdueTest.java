package com.coastline.project.invoice;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.InvoiceOverdue;
import com.coastline.project.api.ProjectTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.coastline.project.PublishedEvents.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

/** Overdue is derived from the due date; the job publishes {@code InvoiceOverdue} once per invoice, however often it runs. */
@ProjectServiceTest
class InvoiceOverdueTest {

	/** A date that has ended everywhere on earth. */
	static final LocalDate PAST = LocalDate.now(ZoneOffset.UTC).minusDays(3);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InvoiceOverdueJob job;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Value("${coastline.payments.stripe.webhook-secret}")
	String webhookSecret;

	Invoicing invoicing;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.invoicing = new Invoicing(this.mvc, this.webhookSecret);
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	@Test
	void anOpenInvoicePastItsDueDateReadsOverdueAndIsPublishedOnce() {
		UUID overdue = this.invoicing.open(PAST);
		UUID dueToday = this.invoicing.open(LocalDate.now(ZoneOffset.UTC));
		UUID draft = this.invoicing.draft(PAST);
		assertThat(this.invoicing.read(overdue)).bodyJson().extractingPath("$.overdue").isEqualTo(true);
		assertThat(this.invoicing.read(dueToday)).bodyJson().extractingPath("$.overdue").isEqualTo(false);

		this.job.run();
		this.job.run();

		InvoiceOverdue event = assertConforms(this.events.await(ProjectTopics.INVOICE_OVERDUE, overdue, 1).get(0),
				InvoiceOverdue.class);
		assertThat(event.dueDate()).isEqualTo(PAST);
		assertThat(event.balanceDueMinor()).isEqualTo(Invoicing.TOTAL);
		assertThat(event.clientContactId()).isEqualTo(this.invoicing.contact);
		assertThat(this.events.recorded(InvoiceOverdue.class, overdue)).isEqualTo(1);
		assertThat(this.events.recorded(InvoiceOverdue.class, dueToday)).isZero();
		assertThat(this.events.recorded(InvoiceOverdue.class, draft)).isZero();
		assertThat(this.invoicing.read(draft)).bodyJson().extractingPath("$.overdue").isEqualTo(false);
	}

	@Test
	void concurrentRunsPublishOncePerInvoice() throws Exception {
		List<UUID> invoices = List.of(this.invoicing.open(PAST), this.invoicing.open(PAST), this.invoicing.open(PAST));
		List<Callable<Integer>> runs = List.of(this.job::run, this.job::run, this.job::run, this.job::run);

		try (ExecutorService pool = Executors.newFixedThreadPool(runs.size())) {
			for (Future<Integer> run : pool.invokeAll(runs)) {
				run.get();
			}
		}

		for (UUID invoice : invoices) {
			assertThat(this.events.recorded(InvoiceOverdue.class, invoice)).isEqualTo(1);
		}
	}

	@Test
	void paidAndVoidInvoicesAreNeverOverdue() {
		UUID paid = this.invoicing.open(PAST);
		assertThat(this.invoicing.pay(paid, Invoicing.TOTAL)).hasStatusOk();
		UUID voided = this.invoicing.open(PAST);
		assertThat(this.invoicing.voidInvoice(voided)).hasStatusOk();
		UUID partlyPaid = this.invoicing.open(PAST);
		assertThat(this.invoicing.pay(partlyPaid, 100)).hasStatusOk();

		this.job.run();

		assertThat(this.events.recorded(InvoiceOverdue.class, paid)).isZero();
		assertThat(this.events.recorded(InvoiceOverdue.class, voided)).isZero();
		assertThat(this.events.recorded(InvoiceOverdue.class, partlyPaid)).isEqualTo(1);
		assertThat(this.invoicing.read(paid)).bodyJson().extractingPath("$.overdue").isEqualTo(false);
	}
}
