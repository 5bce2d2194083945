package com.coastline.backoffice.screens.billing;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.coastline.backoffice.screens.billing.EditedRecord.line;
import static com.coastline.backoffice.screens.billing.EditedRecord.withVersion;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * <em>Edit</em> an estimate against project-service at its HTTP boundary ({@link EditedRecord}): the estimate's page
 * links to the form; the form is filled from the current version (amounts as a person types them, the currency
 * fixed) and carries the estimate's version; saving sends project-service's {@code PUT /api/estimates/{id}} with
 * that version and without the currency and returns to the estimate's page ("Saved", or "Saved as version n" when
 * project-service made a new draft version); an estimate changed meanwhile (seen by the gateway, or project-service's
 * 409) is the form again with what was typed, the estimate as it is now and its new version, nothing overwritten;
 * what is not an amount is refused by its row and field with nothing sent; project-service's refusals by their
 * fields and its other 409 as a message; another workspace's estimate is the 404 page with nothing sent; a form
 * without its CSRF token is refused.
 */
@BackofficeGatewayTest
class EstimateEditPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theEstimatesPageLeadsToTheEditFormFilledFromTheCurrentVersion() throws Exception {
		EditedRecord estimate = EditedRecord.estimate("SENT", 2, "New roof");

		this.mvc.perform(estimate.open(""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + estimate.page + "/edit\">Edit</a>")));
		this.mvc.perform(estimate.open("/edit"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Edit estimate</h1>"),
					containsString("action=\"" + estimate.page + "/edit\""),
					containsString("<input type=\"hidden\" name=\"version\" value=\"3\">"),
					containsString("editing it creates version"), containsString("<span>3</span> as a draft"),
					containsString("value=\"New roof\""), containsString(">Includes disposal.</textarea>"),
					containsString("value=\"2026-12-31\""), containsString("required value=\"USD\""),
					containsString("aria-invalid=\"false\" readonly=\"readonly\""),
					containsString("value=\"Shingles\" id=\"row0-description\""),
					containsString("value=\"2.5\" id=\"row0-quantity\""),
					containsString("value=\"100.00\" id=\"row0-unitPrice\""),
					containsString("value=\"8.25\" id=\"row0-taxRate\""),
					containsString("value=\"Disposal\" id=\"row1-description\""),
					containsString("value=\"40.00\" id=\"row1-unitPrice\""),
					containsString("value=\"\" id=\"row2-description\""), containsString("id=\"row4-description\""),
					not(containsString("id=\"row5-description\"")), not(containsString("As it is now")),
					not(containsString("<script")))));
	}

	@Test
	void savingSendsTheEditWithItsVersionWithoutTheCurrencyAndShowsTheNewVersion() throws Exception {
		EditedRecord estimate = EditedRecord.estimate("SENT", 1, "New roof");
		estimate.saves(200, estimate.estimateJson("DRAFT", 2, "New roof, grey"));

		// A currency typed into the form (it is shown read-only) is not sent: it was fixed at creation.
		this.mvc.perform(form(estimate, "3", "EUR", "New roof, grey", "2027-01-31",
				line("Shingles, grey", "3", "1,000.00", "8.25"), line("Disposal", "1", "40.00", "0"),
				line("", "", "", ""))).andExpect(redirectedUrl(estimate.page + "?done=revised"));

		server(BackOfficeService.PROJECT).verify(1, estimate.puts("{\"title\": \"New roof, grey\", \"notes\": null, "
				+ "\"validUntil\": \"2027-01-31\", \"version\": 3, \"lineItems\": ["
				+ "{\"description\": \"Shingles, grey\", \"quantity\": 3, \"unitPriceMinor\": 100000, \"taxRateBasisPoints\": 825},"
				+ "{\"description\": \"Disposal\", \"quantity\": 1, \"unitPriceMinor\": 4000, \"taxRateBasisPoints\": 0}]}"));

		estimate.reads(estimate.estimateJson("DRAFT", 2, "New roof, grey"));
		this.mvc.perform(estimate.open("").param("done", "revised"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saved as version 2, a draft.")));
		this.mvc.perform(estimate.open("").param("done", "saved"))
			.andExpect(content().string(containsString("Saved. The client sees the draft once you send it.")));
	}

	@Test
	void editingADraftInPlaceIsSaved() throws Exception {
		EditedRecord estimate = EditedRecord.estimate("DRAFT", 1, "New roof");
		estimate.saves(200, estimate.estimateJson("DRAFT", 1, "Roof"));

		this.mvc.perform(form(estimate, "3", "USD", "Roof", "", line("Shingles", "1", "10", "")))
			.andExpect(redirectedUrl(estimate.page + "?done=saved"));
		server(BackOfficeService.PROJECT).verify(1,
				estimate.puts("{\"title\": \"Roof\", \"notes\": null, \"validUntil\": null, \"version\": 3, "
						+ "\"lineItems\": [{\"description\": \"Shingles\", \"quantity\": 1, \"unitPriceMinor\": 1000, "
						+ "\"taxRateBasisPoints\": 0}]}"));
	}

	@Test
	void anEstimateChangedSinceTheFormWasReadIsShownAsItIsNowWithWhatWasTypedAndNothingIsSent() throws Exception {
		// The form was read at version 2; someone saved since (project-service now says version 3).
		EditedRecord estimate = EditedRecord.estimate("DRAFT", 1, "Roof by Sam");

		this.mvc.perform(form(estimate, "2", "USD", "Roof by me", "2027-02-28", line("Gutters", "4", "25.00", "")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("Someone changed this estimate while you were editing it, so your changes were not "
							+ "saved."),
					containsString("<h2 id=\"latest-heading\">As it is now</h2>"), containsString("<dd>Roof by Sam</dd>"),
					containsString("Your changes <span class=\"muted\">(not saved)</span>"),
					containsString("<td>Shingles</td>"), containsString("USD 310.63"),
					containsString("value=\"Roof by me\""), containsString("value=\"2027-02-28\""),
					containsString("value=\"Gutters\" id=\"row0-description\""),
					containsString("value=\"25.00\" id=\"row0-unitPrice\""),
					containsString("<input type=\"hidden\" name=\"version\" value=\"3\">"))));
		assertThat(estimate.putCount()).isZero();

		// Saving again with the latest version replaces their change knowingly.
		estimate.saves(200, estimate.estimateJson("DRAFT", 1, "Roof by me"));
		this.mvc.perform(form(estimate, "3", "USD", "Roof by me", "2027-02-28", line("Gutters", "4", "25.00", "")))
			.andExpect(redirectedUrl(estimate.page + "?done=saved"));
		assertThat(estimate.putCount()).isOne();
	}

	@Test
	void projectServicesStaleVersionShowsTheEstimateAsItIsNowWithWhatWasTyped() throws Exception {
		EditedRecord estimate = EditedRecord.estimateOf("ESTIMATING");
		String before = estimate.estimateJson("DRAFT", 1, "New roof");
		estimate.changedWhileSaving(before, withVersion(estimate.estimateJson("DRAFT", 1, "New roof by Sam"), 4));

		this.mvc.perform(form(estimate, "3", "USD", "New roof by me", "", line("Gutters", "4", "25.00", "")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("Someone changed this estimate while you were editing it"),
					containsString("<dd>New roof by Sam</dd>"), containsString("value=\"New roof by me\""),
					containsString("value=\"Gutters\" id=\"row0-description\""),
					containsString("<input type=\"hidden\" name=\"version\" value=\"4\">"))));
		server(BackOfficeService.PROJECT).verify(1,
				estimate.puts().withRequestBody(matchingJsonPath("$.version", equalTo("3"))));
	}

	@Test
	void whatIsNotAnAmountIsShownByItsRowWithWhatWasTypedAndNothingIsSent() throws Exception {
		EditedRecord estimate = EditedRecord.estimate("DRAFT", 1, "New roof");

		this.mvc.perform(form(estimate, "3", "USD", "Typed title", "31/12/2026", line("Shingles", "1", "10", ""),
				line("Disposal", "1", "1,5", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"row1-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"validUntil-error\">Enter the day as YYYY-MM-DD.</p>"),
					containsString("value=\"Typed title\""), containsString("value=\"1,5\" id=\"row1-unitPrice\""),
					containsString("action=\"" + estimate.page + "/edit\""),
					// The version the member started from, not a newer one: a change made meanwhile is still caught.
					containsString("<input type=\"hidden\" name=\"version\" value=\"3\">"))));
		assertThat(estimate.putCount()).isZero();
	}

	@Test
	void projectServicesRefusalsAreShownByFieldOrAsItsMessage() throws Exception {
		EditedRecord estimate = EditedRecord.estimate("DRAFT", 1, "New roof");
		estimate.saves(422, "{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 422, "
				+ "\"errors\": [{\"field\": \"lineItems[0].description\", \"message\": \"must be a single line\"}]}");

		this.mvc.perform(form(estimate, "3", "USD", "Roof", "", line("", "", "", ""), line("Bad\u2028line", "1", "10", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"row1-description-error\">must be a single line</p>")));

		// A 409 that is not a stale version (the estimate did not change): its message, what was typed kept.
		estimate.saves(409, "{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, "
				+ "\"detail\": \"The project is cancelled.\", \"currentStatus\": \"SENT\"}");
		this.mvc.perform(form(estimate, "3", "USD", "Roof", "", line("Shingles", "1", "10", "")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("The estimate was not saved: The project is cancelled."),
					containsString("value=\"Shingles\" id=\"row0-description\""), not(containsString("As it is now")))));
	}

	@Test
	void anotherWorkspacesEstimateIsTheNotFoundPageAndNothingIsSent() throws Exception {
		EditedRecord elsewhere = EditedRecord.elsewhere("estimates");

		this.mvc.perform(elsewhere.open("/edit")).andExpect(status().isNotFound());
		this.mvc.perform(form(elsewhere, "3", "USD", "Roof", "", line("Shingles", "1", "10", "")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/estimates/not-an-id/edit").cookie(elsewhere.session())).andExpect(status().isNotFound());
		assertThat(elsewhere.putCount()).isZero();
	}

	@Test
	void withoutACsrfTokenTheEditIsRefusedAndNothingIsSent() throws Exception {
		EditedRecord estimate = EditedRecord.estimateOf("ESTIMATING");

		this.mvc.perform(post(estimate.page + "/edit").cookie(estimate.session())
			.param("title", "Roof")
			.param("version", "3")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")).andExpect(status().isForbidden());
		assertThat(estimate.putCount()).isZero();
		assertThat(estimate.readCount()).isZero();
	}

	private MockHttpServletRequestBuilder form(EditedRecord estimate, String version, String currency, String title,
			String validUntil, String[]... lines) throws Exception {
		return estimate.edit(this.mvc, lines)
			.param("version", version)
			.param("currency", currency)
			.param("title", title)
			.param("notes", "")
			.param("validUntil", validUntil);
	}
}
