package com.coastline.project.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.project.BackOffice;
import com.coastline.project.invoice.payment.StripeWebhooks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's back office and one of its clients working with invoices: a project whose primary contact
 * is the client, invoices written and issued by staff, paid offline or through Stripe-format webhooks.
 */
final class Invoicing {

	/** 2 × 150.00 + 8.25 % tax (24.75) = 324.75; 1 × 75.25 untaxed. Total 400.00. */
	static final List<Map<String, Object>> LINES = List.of(line("Gutter cleaning", "2", 15000, 825),
			line("Downspout repair", "1", 7525, 0));

	static final long TOTAL = 30000 + 2475 + 7525;

	static final String WEBHOOK = "/webhooks/stripe";

	final MockMvcTester mvc;

	final BackOffice backOffice;

	final UUID contact;

	final UUID project;

	final String webhookSecret;

	Invoicing(MockMvcTester mvc, String webhookSecret) {
		this(mvc, UUID.randomUUID(), webhookSecret);
	}

	Invoicing(MockMvcTester mvc, UUID workspace, String webhookSecret) {
		this.mvc = mvc;
		this.webhookSecret = webhookSecret;
		this.backOffice = new BackOffice(mvc, workspace);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.contact = this.backOffice.createContact("Dana", "Reyes", "dana." + tag + "@example.com");
		this.project = this.backOffice.createProject("Gutters " + tag, "12 Pine St, Boulder CO", this.contact);
	}

	UUID workspace() {
		return this.backOffice.workspace();
	}

	static Map<String, Object> line(String description, String quantity, long unitPriceMinor, int taxRateBasisPoints) {
		return Map.of("description", description, "quantity", new java.math.BigDecimal(quantity), "unitPriceMinor",
				unitPriceMinor, "taxRateBasisPoints", taxRateBasisPoints);
	}

	MvcTestResult createDraft(String body) {
		return this.backOffice.post("/api/projects/" + this.project + "/invoices", body);
	}

	static String byHand(LocalDate dueDate, List<Map<String, Object>> lines) {
		return json("currency", "USD", "title", "Gutter work", "notes", "Thanks!", "dueDate", dueDate, "lineItems",
				lines);
	}

	/** A draft in USD with {@link #LINES}, due in a month. */
	UUID draft() {
		return draft(LocalDate.now().plusMonths(1));
	}

	UUID draft(LocalDate dueDate) {
		MvcTestResult created = createDraft(byHand(dueDate, LINES));
		assertThat(created).hasStatus(201);
		return BackOffice.id(created);
	}

	MvcTestResult issue(UUID invoice) {
		return this.backOffice.post("/api/invoices/" + invoice + "/issue");
	}

	/** A draft, issued: open for {@link #TOTAL}. */
	UUID open() {
		return open(LocalDate.now().plusMonths(1));
	}

	UUID open(LocalDate dueDate) {
		UUID invoice = draft(dueDate);
		assertThat(issue(invoice)).hasStatusOk();
		return invoice;
	}

	MvcTestResult voidInvoice(UUID invoice) {
		return this.backOffice.post("/api/invoices/" + invoice + "/void", json("reason", "Issued twice"));
	}

	MvcTestResult pay(UUID invoice, long amountMinor) {
		return this.backOffice.post("/api/invoices/" + invoice + "/payments",
				json("amountMinor", amountMinor, "reference", "Cheque 1042"));
	}

	MvcTestResult read(UUID invoice) {
		return this.backOffice.get("/api/invoices/" + invoice);
	}

	String status(UUID invoice) {
		return BackOffice.read(read(invoice), "$.status");
	}

	long paid(UUID invoice) {
		return ((Number) BackOffice.read(read(invoice), "$.paidMinor")).longValue();
	}

	String clientBearer() {
		return TestTokens.client(workspace(), this.contact).bearer();
	}

	MvcTestResult clientGet(String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, clientBearer()).exchange();
	}

	MvcTestResult clientPost(String uri) {
		return this.mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, clientBearer()).exchange();
	}

	MvcTestResult checkout(UUID invoice) {
		return clientPost("/portal/invoices/" + invoice + "/checkout");
	}

	/** A {@code checkout.session.completed} event as Stripe sends it for a paid session of the invoice. */
	String completed(String eventId, UUID invoice, String paymentIntent, long amountMinor) {
		return event(eventId, "checkout.session.completed", null,
				session(invoice, workspace(), paymentIntent, amountMinor, "usd", "paid"));
	}

	static Map<String, Object> session(UUID invoice, UUID workspace, String paymentIntent, long amountMinor,
			String currency, String paymentStatus) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", "cs_test_" + UUID.randomUUID().toString().replace("-", ""));
		object.put("object", "checkout.session");
		object.put("mode", "payment");
		object.put("payment_status", paymentStatus);
		object.put("amount_total", amountMinor);
		object.put("currency", currency);
		object.put("payment_intent", paymentIntent);
		object.put("metadata", Map.of("invoiceId", invoice.toString(), "workspaceId", workspace.toString()));
		return object;
	}

	static Map<String, Object> paymentIntent(UUID invoice, UUID workspace, String paymentIntent, long amountMinor) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", paymentIntent);
		object.put("object", "payment_intent");
		object.put("status", "succeeded");
		object.put("amount", amountMinor);
		object.put("amount_received", amountMinor);
		object.put("currency", "usd");
		object.put("metadata", Map.of("invoiceId", invoice.toString(), "workspaceId", workspace.toString()));
		return object;
	}

	static String event(String eventId, String type, String account, Map<String, Object> object) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", eventId);
		event.put("object", "event");
		event.put("api_version", "2025-10-29.clover");
		event.put("created", Instant.now().getEpochSecond());
		event.put("livemode", false);
		event.put("type", type);
		if (account != null) {
			event.put("account", account);
		}
		event.put("data", Map.of("object", object));
		return toJson(event);
	}

	private static String toJson(Map<String, Object> map) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(map);
	}

	/** Posts the payload to the webhook endpoint, signed like Stripe with the configured secret. */
	MvcTestResult deliver(String payload) {
		return deliver(payload, StripeWebhooks.signature(payload, Instant.now().getEpochSecond(), this.webhookSecret));
	}

	MvcTestResult deliver(String payload, String signature) {
		return this.mvc.post()
			.uri(WEBHOOK)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.content(payload)
			.exchange();
	}

	static String eventId() {
		return "evt_" + UUID.randomUUID().toString().replace("-", "");
	}

	static String paymentIntentId() {
		return "pi_" + UUID.randomUUID().toString().replace("-", "");
	}
}
