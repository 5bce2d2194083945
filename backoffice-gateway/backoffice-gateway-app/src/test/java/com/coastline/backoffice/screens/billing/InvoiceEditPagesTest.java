package com.coastline.backoffice.screens.billing;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.coastline.backoffice.support.ScreenStubs.answer;
import static com.coastline.backoffice.support.ScreenStubs.calls;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.project;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * <em>Edit</em> a draft invoice against project-service at its HTTP boundary: a draft's page links to the form, an
 * issued one's does not; the form is filled from the invoice (amounts as a person types them, its due date and
 * notes); saving sends project-service's {@code PUT /api/invoices/{id}} without title and currency and returns to
 * the invoice's page ("Saved"); what is not an amount or a day is refused by its row and field with nothing sent;
 * project-service's refusals by their fields and its 409 as a message; an issued invoice's form is its page with a
 * 409 message and nothing sent; another workspace's invoice is the 404 page with nothing sent; a form without its
 * CSRF token is refused.
 */
@BackofficeGatewayTest
class InvoiceEditPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aDraftsPageLeadsToTheEditFormFilledFromTheInvoice() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));

		this.mvc.perform(get("/invoices/" + invoice).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/invoices/" + invoice + "/edit\">Edit</a>")));
		this.mvc.perform(get("/invoices/" + invoice + "/edit").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Edit invoice</h1>"),
					containsString("action=\"/invoices/" + invoice + "/edit\""), containsString("<span>Deposit</span>"),
					containsString("<span>USD</span>"), containsString("value=\"2026-12-15\""),
					containsString("></textarea>"), containsString("value=\"Shingles\" id=\"row0-description\""),
					containsString("value=\"2.5\" id=\"row0-quantity\""),
					containsString("value=\"100.00\" id=\"row0-unitPrice\""),
					containsString("value=\"8.25\" id=\"row0-taxRate\""),
					containsString("value=\"Disposal\" id=\"row1-description\""),
					containsString("value=\"40.00\" id=\"row1-unitPrice\""),
					containsString("value=\"\" id=\"row2-description\""), containsString("id=\"row4-description\""),
					not(containsString("id=\"row5-description\"")), not(containsString("name=\"title\"")),
					not(containsString("name=\"currency\"")), not(containsString("<script")))));
	}

	@Test
	void savingSendsTheLinesDueDateAndNotesAndShowsSaved() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));
		answer(BackOfficeService.PROJECT, member, "PUT", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));

		this.mvc.perform(form(post("/invoices/" + invoice + "/edit"), member, "2027-01-31", "Net 30")
			.param("description", "Shingles, grey", "Disposal", "")
			.param("quantity", "3", "1", "")
			.param("unitPrice", "1,000.00", "40.00", "")
			.param("taxRate", "8.25", "0", ""))
			.andExpect(redirectedUrl("/invoices/" + invoice + "?done=saved"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "PUT", "/api/invoices/" + invoice)
			.withRequestBody(equalToJson("{\"notes\": \"Net 30\", \"dueDate\": \"2027-01-31\", \"lineItems\": ["
					+ "{\"description\": \"Shingles, grey\", \"quantity\": 3, \"unitPriceMinor\": 100000, \"taxRateBasisPoints\": 825},"
					+ "{\"description\": \"Disposal\", \"quantity\": 1, \"unitPriceMinor\": 4000, \"taxRateBasisPoints\": 0}]}")));

		this.mvc.perform(get("/invoices/" + invoice).param("done", "saved").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saved. The client sees the draft once you issue it.")));
	}

	@Test
	void emptyNotesAreSentEmptySoThatTheyAreRemoved() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));
		answer(BackOfficeService.PROJECT, member, "PUT", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));

		this.mvc.perform(form(post("/invoices/" + invoice + "/edit"), member, "2026-12-15", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(redirectedUrl("/invoices/" + invoice + "?done=saved"));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "PUT", "/api/invoices/" + invoice)
			.withRequestBody(equalToJson("{\"notes\": \"\", \"dueDate\": \"2026-12-15\", \"lineItems\": ["
					+ "{\"description\": \"Shingles\", \"quantity\": 1, \"unitPriceMinor\": 1000, \"taxRateBasisPoints\": 0}]}")));
	}

	@Test
	void whatIsNotAnAmountOrADayIsShownByItsFieldWithWhatWasTypedAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));

		this.mvc.perform(form(post("/invoices/" + invoice + "/edit"), member, "31/12/2026", "Typed notes")
			.param("description", "Shingles", "Disposal")
			.param("quantity", "1", "1")
			.param("unitPrice", "10", "1,5")
			.param("taxRate", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"row1-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"dueDate-error\">Enter the day as YYYY-MM-DD.</p>"),
					containsString(">Typed notes</textarea>"), containsString("value=\"1,5\" id=\"row1-unitPrice\""),
					containsString("action=\"/invoices/" + invoice + "/edit\""))));
		this.mvc.perform(form(post("/invoices/" + invoice + "/edit"), member, "", "")
			.param("description", "")
			.param("quantity", "")
			.param("unitPrice", "")
			.param("taxRate", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"dueDate-error\">Enter the day the invoice is due.</p>"),
					containsString("Add at least one line."))));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "PUT", "/api/invoices/" + invoice));
	}

	@Test
	void projectServicesRefusalsAreShownByFieldOrAsItsMessage() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));
		answer(BackOfficeService.PROJECT, member, "PUT", "/api/invoices/" + invoice, 400,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, \"errors\": ["
						+ "{\"field\": \"lineItems[0].description\", \"message\": \"must be a single line\"}]}");

		this.mvc.perform(form(post("/invoices/" + invoice + "/edit"), member, "2026-12-15", "")
			.param("description", "", "Bad\u2028line")
			.param("quantity", "", "1")
			.param("unitPrice", "", "10")
			.param("taxRate", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"row1-description-error\">must be a single line</p>")));

		// Issued in another tab meanwhile: project-service refuses the edit.
		answer(BackOfficeService.PROJECT, member, "PUT", "/api/invoices/" + invoice, 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, \"detail\": \"Invoice "
						+ invoice + " is OPEN and cannot be edited: only a draft invoice can be edited.\", "
						+ "\"currentStatus\": \"OPEN\"}");
		this.mvc.perform(form(post("/invoices/" + invoice + "/edit"), member, "2026-12-15", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", ""))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("only a draft invoice can be edited"),
					containsString("value=\"Shingles\" id=\"row0-description\""))));
	}

	@Test
	void anIssuedInvoiceHasNoEditAndItsFormIsItsPageWithNothingSent() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "OPEN", 0, false));

		this.mvc.perform(get("/invoices/" + invoice).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/invoices/" + invoice + "/edit"))));
		this.mvc.perform(get("/invoices/" + invoice + "/edit").cookie(session(member)))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Only a draft invoice can be edited: this one is open."),
					not(containsString("<h1>Edit invoice</h1>")))));
		this.mvc.perform(form(post("/invoices/" + invoice + "/edit"), member, "2026-12-15", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(status().isConflict());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "PUT", "/api/invoices/" + invoice));
	}

	@Test
	void anotherWorkspacesInvoiceIsTheNotFoundPageAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + elsewhere, 404, ScreenStubs.notFound());

		this.mvc.perform(get("/invoices/" + elsewhere + "/edit").cookie(session(member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(form(post("/invoices/" + elsewhere + "/edit"), member, "2026-12-15", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(status().isNotFound());
		this.mvc.perform(get("/invoices/not-an-id/edit").cookie(session(member))).andExpect(status().isNotFound());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "PUT", "/api/invoices/" + elsewhere));
	}

	@Test
	void withoutACsrfTokenTheEditIsRefusedAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID invoice = UUID.randomUUID();

		this.mvc.perform(post("/invoices/" + invoice + "/edit").cookie(session(member))
			.param("dueDate", "2026-12-15")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")).andExpect(status().isForbidden());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "PUT", "/api/invoices/" + invoice));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "GET", "/api/invoices/" + invoice));
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, StaffMember member,
			String dueDate, String notes) throws Exception {
		return request.with(formOf(this.mvc, member)).param("notes", notes).param("dueDate", dueDate);
	}
}
