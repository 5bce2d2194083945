package com.coastline.project.estimate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.project.BackOffice;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's back office and one of its clients working on estimates: a project whose primary contact
 * is the client, estimates written and sent by staff, answered by the client in the portal.
 */
final class Estimating {

	/** 1.5 × 3.33 = 4.995 → 5.00, tax 8.25 % = 0.4125 → 0.41; 3 × 19.99 = 59.97; 0.001 × 5.00 = 0.005 → 0.01. */
	static final List<Map<String, Object>> LINES = List.of(
			line("Remove old shingles", "1.5", 333, 825),
			line("Cedar shingles, per bundle", "3", 1999, 0),
			line("Nails", "0.001", 500, 1000));

	static final long SUBTOTAL = 500 + 5997 + 1;

	static final long TAX = 41;

	static final long TOTAL = SUBTOTAL + TAX;

	final MockMvcTester mvc;

	final BackOffice backOffice;

	final UUID contact;

	final UUID project;

	Estimating(MockMvcTester mvc) {
		this(mvc, UUID.randomUUID());
	}

	Estimating(MockMvcTester mvc, UUID workspace) {
		this.mvc = mvc;
		this.backOffice = new BackOffice(mvc, workspace);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.contact = this.backOffice.createContact("Dana", "Reyes", "dana." + tag + "@example.com");
		this.project = this.backOffice.createProject("Roof replacement " + tag, "12 Pine St, Boulder CO", this.contact);
	}

	static Map<String, Object> line(String description, String quantity, long unitPriceMinor, int taxRateBasisPoints) {
		return Map.of("description", description, "quantity", new java.math.BigDecimal(quantity), "unitPriceMinor",
				unitPriceMinor, "taxRateBasisPoints", taxRateBasisPoints);
	}

	static String content(String title, LocalDate validUntil, List<Map<String, Object>> lines) {
		return json("title", title, "notes", "Includes haul-away.", "validUntil", validUntil, "lineItems", lines);
	}

	MvcTestResult createDraft(String body) {
		return this.backOffice.post("/api/projects/" + this.project + "/estimates", body);
	}

	/** A draft (version 1) in USD with {@link #LINES}, valid for a month. */
	UUID draft() {
		MvcTestResult created = createDraft(json("currency", "USD", "title", "Roof replacement", "notes",
				"Includes haul-away.", "validUntil", LocalDate.now().plusMonths(1), "lineItems", LINES));
		assertThat(created).hasStatus(201);
		return BackOffice.id(created);
	}

	MvcTestResult send(UUID estimate) {
		return this.backOffice.post("/api/estimates/" + estimate + "/send");
	}

	/** A draft, sent: version 1 waits for the client. */
	UUID sent() {
		UUID estimate = draft();
		assertThat(send(estimate)).hasStatusOk();
		return estimate;
	}

	MvcTestResult revise(UUID estimate, String title) {
		return this.backOffice.put("/api/estimates/" + estimate, content(title, LocalDate.now().plusMonths(2), LINES));
	}

	MvcTestResult read(UUID estimate) {
		return this.backOffice.get("/api/estimates/" + estimate);
	}

	String clientBearer() {
		return TestTokens.client(this.backOffice.workspace(), this.contact).bearer();
	}

	MvcTestResult clientGet(String uri) {
		return clientGet(clientBearer(), uri);
	}

	MvcTestResult clientGet(String bearer, String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}

	MvcTestResult clientPost(String uri, String body) {
		return clientPost(clientBearer(), uri, body);
	}

	MvcTestResult clientPost(String bearer, String uri, String body) {
		return this.mvc.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	static String approval(int version, String signedName) {
		return json("version", version, "signedName", signedName, "ip", "203.0.113.7", "userAgent",
				"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)");
	}

	MvcTestResult approve(UUID estimate, int version) {
		return clientPost("/portal/estimates/" + estimate + "/approve", approval(version, "Dana Reyes"));
	}

	MvcTestResult decline(UUID estimate, int version) {
		return clientPost("/portal/estimates/" + estimate + "/decline", json("version", version, "message", "Too dear."));
	}

	MvcTestResult requestChanges(UUID estimate, int version) {
		return clientPost("/portal/estimates/" + estimate + "/request-changes",
				json("version", version, "message", "Cedar instead of asphalt, please."));
	}

	/** The estimate's status as the back office reads it. */
	String status(UUID estimate) {
		return BackOffice.read(read(estimate), "$.status");
	}

	String versionStatus(UUID estimate, int number) {
		return BackOffice.read(read(estimate), "$.versions[" + (number - 1) + "].status");
	}
}
