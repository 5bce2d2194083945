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
 * <em>Edit</em> a draft invoice against project-service at its HTTP boundary ({@link EditedRecord}): a draft's page
 * links to the form, an issued one's does not; the form is filled from the invoice (amounts as a person types them,
 * its due date and notes) and carries its version; saving sends project-service's {@code PUT /api/invoices/{id}}
 * with that version and without title and currency and returns to the invoice's page ("Saved"); a draft changed
 * meanwhile (seen by the gateway, or project-service's 409) is the form again with what was typed, the invoice as
 * it is now and its new version; one issued meanwhile is its page saying so; what is not an amount or a day is
 * refused by its row and field with nothing sent; project-service's refusals by their fields and its other 409 as
 * a message; an issued invoice's form is its page with a 409 message and nothing sent; another workspace's invoice
 * is the 404 page with nothing sent; a form without its CSRF token is refused.
 */
@BackofficeGatewayTest
class InvoiceEditPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aDraftsPageLeadsToTheEditFormFilledFromTheInvoice() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");

		this.mvc.perform(invoice.open(""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + invoice.page + "/edit\">Edit</a>")));
		this.mvc.perform(invoice.open("/edit"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Edit invoice</h1>"),
					containsString("action=\"" + invoice.page + "/edit\""),
					containsString("<input type=\"hidden\" name=\"version\" value=\"2\">"),
					containsString("<span>Deposit</span>"), containsString("<span>USD</span>"),
					containsString("value=\"2026-12-15\""), containsString("></textarea>"),
					containsString("value=\"Shingles\" id=\"row0-description\""),
					containsString("value=\"2.5\" id=\"row0-quantity\""),
					containsString("value=\"100.00\" id=\"row0-unitPrice\""),
					containsString("value=\"8.25\" id=\"row0-taxRate\""),
					containsString("value=\"Disposal\" id=\"row1-description\""),
					containsString("value=\"40.00\" id=\"row1-unitPrice\""),
					containsString("value=\"\" id=\"row2-description\""), containsString("id=\"row4-description\""),
					not(containsString("id=\"row5-description\"")), not(containsString("name=\"title\"")),
					not(containsString("name=\"currency\"")), not(containsString("As it is now")),
					not(containsString("<script")))));
	}

	@Test
	void savingSendsTheLinesDueDateNotesAndVersionAndShowsSaved() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");
		invoice.saves(200, invoice.invoiceJson("DRAFT"));

		this.mvc.perform(form(invoice, "2", "2027-01-31", "Net 30", line("Shingles, grey", "3", "1,000.00", "8.25"),
				line("Disposal", "1", "40.00", "0"), line("", "", "", "")))
			.andExpect(redirectedUrl(invoice.page + "?done=saved"));

		server(BackOfficeService.PROJECT).verify(1, invoice.puts("{\"notes\": \"Net 30\", \"dueDate\": \"2027-01-31\", "
				+ "\"version\": 2, \"lineItems\": ["
				+ "{\"description\": \"Shingles, grey\", \"quantity\": 3, \"unitPriceMinor\": 100000, \"taxRateBasisPoints\": 825},"
				+ "{\"description\": \"Disposal\", \"quantity\": 1, \"unitPriceMinor\": 4000, \"taxRateBasisPoints\": 0}]}"));

		this.mvc.perform(invoice.open("").param("done", "saved"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saved. The client sees the draft once you issue it.")));
	}

	@Test
	void emptyNotesAreSentEmptySoThatTheyAreRemovedAndAFormWithoutAVersionIsNotChecked() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");
		invoice.saves(200, invoice.invoiceJson("DRAFT"));

		this.mvc.perform(form(invoice, null, "2026-12-15", "", line("Shingles", "1", "10", "")))
			.andExpect(redirectedUrl(invoice.page + "?done=saved"));
		server(BackOfficeService.PROJECT).verify(1, invoice.puts("{\"notes\": \"\", \"dueDate\": \"2026-12-15\", "
				+ "\"lineItems\": [{\"description\": \"Shingles\", \"quantity\": 1, \"unitPriceMinor\": 1000, "
				+ "\"taxRateBasisPoints\": 0}]}"));
	}

	@Test
	void aDraftChangedSinceTheFormWasReadIsShownAsItIsNowWithWhatWasTypedAndNothingIsSent() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");

		this.mvc.perform(form(invoice, "1", "2027-03-01", "Typed notes", line("Gutters", "4", "25.00", "")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("Someone changed this invoice while you were editing it, so your changes were not "
							+ "saved."),
					containsString("<h2 id=\"latest-heading\">As it is now</h2>"), containsString("<dd>15 Dec 2026</dd>"),
					containsString("<td>Shingles</td>"), containsString("USD 310.63"),
					containsString(">Typed notes</textarea>"), containsString("value=\"2027-03-01\""),
					containsString("value=\"Gutters\" id=\"row0-description\""),
					containsString("<input type=\"hidden\" name=\"version\" value=\"2\">"))));
		assertThat(invoice.putCount()).isZero();
	}

	@Test
	void projectServicesStaleVersionShowsTheDraftAsItIsNow() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");
		invoice.changedWhileSaving(invoice.invoiceJson("DRAFT"), withVersion(invoice.invoiceJson("DRAFT"), 3));

		this.mvc.perform(form(invoice, "2", "2027-03-01", "Typed notes", line("Gutters", "4", "25.00", "")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Someone changed this invoice while you were editing it"),
					containsString("As it is now"), containsString(">Typed notes</textarea>"),
					containsString("<input type=\"hidden\" name=\"version\" value=\"3\">"))));
		assertThat(invoice.putCount()).isOne();
	}

	@Test
	void aDraftIssuedWhileItWasEditedIsItsPageSayingSo() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");
		invoice.changedWhileSaving(invoice.invoiceJson("DRAFT"), withVersion(invoice.invoiceJson("OPEN"), 3));

		this.mvc.perform(form(invoice, "2", "2027-03-01", "", line("Gutters", "4", "25.00", "")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("Someone changed this invoice while you were editing it, so your changes were not "
							+ "saved. Only a draft invoice can be edited: this one is open."),
					not(containsString("<h1>Edit invoice</h1>")))));
	}

	@Test
	void whatIsNotAnAmountOrADayIsShownByItsFieldWithWhatWasTypedAndNothingIsSent() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");

		this.mvc.perform(form(invoice, "2", "31/12/2026", "Typed notes", line("Shingles", "1", "10", ""),
				line("Disposal", "1", "1,5", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"row1-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"dueDate-error\">Enter the day as YYYY-MM-DD.</p>"),
					containsString(">Typed notes</textarea>"), containsString("value=\"1,5\" id=\"row1-unitPrice\""),
					containsString("action=\"" + invoice.page + "/edit\""))));
		this.mvc.perform(form(invoice, "2", "", "", line("", "", "", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"dueDate-error\">Enter the day the invoice is due.</p>"),
					containsString("Add at least one line."))));
		assertThat(invoice.putCount()).isZero();
	}

	@Test
	void projectServicesRefusalsAreShownByFieldOrAsItsMessage() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("DRAFT");
		invoice.saves(400, "{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, "
				+ "\"errors\": [{\"field\": \"lineItems[0].description\", \"message\": \"must be a single line\"}]}");

		this.mvc.perform(form(invoice, "2", "2026-12-15", "", line("", "", "", ""), line("Bad\u2028line", "1", "10", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"row1-description-error\">must be a single line</p>")));

		// A 409 while the invoice reads as the same draft: project-service's message, what was typed kept.
		invoice.saves(409, "{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, \"detail\": "
				+ "\"Invoice " + invoice.id + " is OPEN and cannot be edited: only a draft invoice can be edited.\", "
				+ "\"currentStatus\": \"OPEN\"}");
		this.mvc.perform(form(invoice, "2", "2026-12-15", "", line("Shingles", "1", "10", "")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("The invoice was not saved: Invoice "),
					containsString("only a draft invoice can be edited"),
					containsString("value=\"Shingles\" id=\"row0-description\""))));
	}

	@Test
	void anIssuedInvoiceHasNoEditAndItsFormIsItsPageWithNothingSent() throws Exception {
		EditedRecord invoice = EditedRecord.invoice("OPEN");

		this.mvc.perform(invoice.open(""))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(invoice.page + "/edit"))));
		this.mvc.perform(invoice.open("/edit"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Only a draft invoice can be edited: this one is open."),
					not(containsString("<h1>Edit invoice</h1>")))));
		this.mvc.perform(form(invoice, "2", "2026-12-15", "", line("Shingles", "1", "10", "")))
			.andExpect(status().isConflict());
		assertThat(invoice.putCount()).isZero();
	}

	@Test
	void anotherWorkspacesInvoiceIsTheNotFoundPageAndNothingIsSent() throws Exception {
		EditedRecord elsewhere = EditedRecord.elsewhere("invoices");

		this.mvc.perform(elsewhere.open("/edit")).andExpect(status().isNotFound());
		this.mvc.perform(form(elsewhere, "2", "2026-12-15", "", line("Shingles", "1", "10", "")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/invoices/not-an-id/edit").cookie(elsewhere.session())).andExpect(status().isNotFound());
		assertThat(elsewhere.putCount()).isZero();
	}

	@Test
	void withoutACsrfTokenTheEditIsRefusedAndNothingIsSent() throws Exception {
		EditedRecord invoice = EditedRecord.elsewhere("invoices");

		this.mvc.perform(post(invoice.page + "/edit").cookie(invoice.session())
			.param("dueDate", "2026-12-15")
			.param("version", "2")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")).andExpect(status().isForbidden());
		assertThat(invoice.putCount()).isZero();
		assertThat(invoice.readCount()).isZero();
	}

	private MockHttpServletRequestBuilder form(EditedRecord invoice, String version, String dueDate, String notes,
			String[]... lines) throws Exception {
		MockHttpServletRequestBuilder form = invoice.edit(this.mvc, lines).param("notes", notes).param("dueDate", dueDate);
		return (version != null) ? form.param("version", version) : form;
	}
}
