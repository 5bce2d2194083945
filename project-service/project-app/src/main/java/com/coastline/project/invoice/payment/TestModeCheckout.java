package com.coastline.project.invoice.payment;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.project.estimate.Currencies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * TEST MODE checkout of the local stack (only with {@code coastline.payments.provider=test-mode}): a
 * page clearly labelled as moving no money, whose "Pay" button builds the {@code checkout.session.completed}
 * event Stripe would send, signs it like Stripe with the webhook secret and posts it, over HTTP, to this
 * service's own {@code /webhooks/stripe}. The invoice turns paid there, on the verified webhook, exactly
 * as with Stripe; this page never changes an invoice itself.
 * <p>
 * The paths are public (no token: the browser comes from the portal) and the session id, random and
 * unguessable, is the only key; the session is looked up across workspaces by it, like Stripe's page.
 */
@Controller
@ConditionalOnProperty(name = "coastline.payments.provider", havingValue = "test-mode", matchIfMissing = true)
public class TestModeCheckout {

	public static final String PATH = "/test-checkout";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final JdbcTemplate jdbc;

	private final StripeWebhooks webhooks;

	private final PaymentProperties properties;

	private final Environment environment;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	TestModeCheckout(JdbcTemplate jdbc, StripeWebhooks webhooks, PaymentProperties properties, Environment environment,
			Clock clock) {
		this.jdbc = jdbc;
		this.webhooks = webhooks;
		this.properties = properties;
		this.environment = environment;
		this.clock = clock;
	}

	/** The checkout page: what is paid, and a "Pay" button; 404 for an unknown session. */
	@GetMapping(PATH + "/{sessionId}")
	ResponseEntity<String> page(@PathVariable String sessionId) {
		Session session = session(sessionId);
		String amount = HtmlUtils.htmlEscape(session.display());
		String title = HtmlUtils.htmlEscape(session.title());
		String action = HtmlUtils.htmlEscape(PATH + "/" + sessionId + "/pay");
		String html = """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>TEST MODE checkout</title></head>
				<body style="font-family: sans-serif; max-width: 36rem; margin: 2rem auto">
				<p style="background: #ffd54f; padding: 1rem; font-weight: bold">TEST MODE — no real payment.
				Nothing is charged; this page stands in for Stripe Checkout on the local stack.</p>
				<h1>%s</h1>
				<p>Amount: <strong>%s</strong></p>
				<form method="post" action="%s"><button type="submit">Pay (test mode)</button></form>
				</body></html>
				""".formatted(title, amount, action);
		return ResponseEntity.ok().contentType(HTML).body(html);
	}

	/**
	 * Sends the signed {@code checkout.session.completed} webhook to {@code /webhooks/stripe} and, once it
	 * was accepted, sends the browser back to the portal (303); 502 if the webhook was refused.
	 */
	@PostMapping(PATH + "/{sessionId}/pay")
	ResponseEntity<String> pay(@PathVariable String sessionId) throws InterruptedException {
		Session session = session(sessionId);
		String payload = JSON.writeValueAsString(completedEvent(sessionId, session));
		String signature = this.webhooks.sign(payload, this.clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl()))
			.timeout(Duration.ofSeconds(30))
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build();
		int status;
		try {
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			status = HttpStatus.BAD_GATEWAY.value();
		}
		if (status / 100 != 2) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
				.contentType(HTML)
				.body("<!doctype html><p>TEST MODE — the webhook was not accepted (" + status + ").</p>");
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(this.properties.returnUrl().replace("{invoiceId}", session.invoiceId().toString())))
			.build();
	}

	private Map<String, Object> completedEvent(String sessionId, Session session) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", sessionId);
		object.put("object", "checkout.session");
		object.put("mode", "payment");
		object.put("status", "complete");
		object.put("payment_status", "paid");
		object.put("amount_total", session.amountMinor());
		object.put("currency", session.currency().toLowerCase(Locale.ROOT));
		// One payment intent per session, as with Stripe: paying the same page twice is one payment.
		object.put("payment_intent", "pi_test_" + sessionId.substring("cs_test_".length()));
		object.put("client_reference_id", session.invoiceId().toString());
		object.put("metadata",
				Map.of("invoiceId", session.invoiceId().toString(), "workspaceId", session.workspaceId().toString()));
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", "evt_test_" + UUID.randomUUID().toString().replace("-", ""));
		event.put("object", "event");
		event.put("api_version", "2025-10-29.clover");
		event.put("created", this.clock.instant().getEpochSecond());
		event.put("livemode", false);
		event.put("type", "checkout.session.completed");
		if (session.account() != null) {
			event.put("account", session.account());
		}
		event.put("data", Map.of("object", object));
		event.put("pending_webhooks", 1);
		return event;
	}

	private String webhookUrl() {
		String configured = this.properties.testMode().webhookUrl();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8083"));
		return "http://localhost:" + port + "/webhooks/stripe";
	}

	private Session session(String sessionId) {
		List<Session> found = this.jdbc.query("""
				select c.workspace_id, c.invoice_id, c.amount_minor, c.currency, i.title, s.connected_account_id
				from payment_checkout c
				join invoice i on i.workspace_id = c.workspace_id and i.id = c.invoice_id
				left join payment_settings s on s.workspace_id = c.workspace_id
				where c.provider_session_id = ? and c.provider = ?""",
				(row, number) -> new Session(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getLong(3),
						row.getString(4), row.getString(5), row.getString(6)),
				sessionId, TestModePaymentProvider.NAME);
		if (found.isEmpty()) {
			throw new NotFoundException("There is no test-mode checkout session " + sessionId + ".");
		}
		return found.get(0);
	}

	private record Session(UUID workspaceId, UUID invoiceId, long amountMinor, String currency, String title,
			String account) {

		String display() {
			return BigDecimal.valueOf(this.amountMinor, Currencies.fractionDigits(this.currency)).toPlainString() + " "
					+ this.currency;
		}
	}
}
