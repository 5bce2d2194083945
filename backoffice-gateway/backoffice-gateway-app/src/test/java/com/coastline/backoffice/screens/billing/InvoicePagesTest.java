package com.coastline.backoffice.screens.billing;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.CsrfTokens;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.coastline.backoffice.support.ScreenStubs.answer;
import static com.coastline.backoffice.support.ScreenStubs.calls;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.project;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Invoices against identity (the workspace's currency) and project-service at their HTTP boundary: the new form, the
 * lines and due date reaching project-service as its integers; a missing due date and malformed amounts refused by
 * their fields before anything is sent; project-service's refusals by their fields; the invoice's page (status,
 * paid, balance due, payments, overdue); <em>Issue</em> and its refusal.
 */
@BackofficeGatewayTest
class InvoicePagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theNewFormIsInTheWorkspacesCurrency() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		answer(BackOfficeService.IDENTITY, member, "GET", "/api/workspaces/" + member.workspaceId(), 200,
				"{\"id\": \"" + member.workspaceId() + "\", \"name\": \"Harbour Roofing\", \"currency\": \"JPY\"}");

		this.mvc.perform(get("/projects/" + project + "/invoices/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>New invoice</h1>"), containsString("value=\"JPY\""),
					containsString("Unit price (JPY)"), containsString("id=\"dueDate\""),
					containsString("action=\"/projects/" + project + "/invoices\""))));
	}

	@Test
	void anInvoiceReachesProjectServiceWithItsDueDateAndLines() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/invoices", 201,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));

		this.mvc.perform(form(post("/projects/" + project + "/invoices"), member, "JPY", "Deposit", "2026-12-15")
			.param("notes", "Thank you.")
			.param("description", "", "Deposit 30 %", "", "", "")
			.param("quantity", "", "1", "", "", "")
			.param("unitPrice", "", "150,000", "", "", "")
			.param("taxRate", "", "10", "", "", ""))
			.andExpect(redirectedUrl("/invoices/" + invoice + "?done=created"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/invoices")
			.withRequestBody(equalToJson("{\"currency\": \"JPY\", \"title\": \"Deposit\", \"notes\": \"Thank you.\", "
					+ "\"dueDate\": \"2026-12-15\", \"lineItems\": [{\"description\": \"Deposit 30 %\", \"quantity\": 1, "
					+ "\"unitPriceMinor\": 150000, \"taxRateBasisPoints\": 1000}]}")));
	}

	@Test
	void aMissingDueDateOrAFractionOfAYenIsRefusedByItsFieldAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID project = project(member);

		this.mvc.perform(form(post("/projects/" + project + "/invoices"), member, "JPY", "Deposit", "")
			.param("description", "Deposit")
			.param("quantity", "1")
			.param("unitPrice", "100.50")
			.param("taxRate", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"dueDate-error\">Enter the day the invoice is due.</p>"),
					containsString("id=\"row0-unitPrice-error\">Enter a whole amount like 1250.</p>"),
					containsString("value=\"100.50\""))));

		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/invoices"));
	}

	@Test
	void projectServicesRefusalIsShownByItsField() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/invoices", 400,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, \"errors\": ["
						+ "{\"field\": \"lineItems[0].unitPriceMinor\", \"message\": \"must be less than or equal to 10000000000\"},"
						+ "{\"field\": \"currency\", \"message\": \"must be an ISO 4217 code with minor units\"}]}");

		this.mvc.perform(form(post("/projects/" + project + "/invoices"), member, "USD", "Deposit", "2026-12-15")
			.param("description", "Deposit")
			.param("quantity", "1")
			.param("unitPrice", "999999999999")
			.param("taxRate", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(
					containsString("id=\"row0-unitPrice-error\">must be less than or equal to 10000000000</p>"),
					containsString("id=\"currency-error\">must be an ISO 4217 code with minor units</p>"))));
	}

	@Test
	void theInvoicesPageShowsStatusPaidBalanceAndPayments() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "OPEN", 10000, true));

		this.mvc.perform(get("/invoices/" + invoice).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Deposit</h1>"), containsString("Roof repair"),
					containsString(">Open</span>"), containsString(">Overdue</span>"),
					containsString("<dt>Due</dt><dd>15 Dec 2026</dd>"),
					containsString("<dt>Paid</dt><dd>USD 100.00</dd>"),
					containsString("<dt>Balance due</dt><dd>USD 210.63</dd>"), containsString("Cheque 12"),
					containsString(">USD 310.63</td>"), not(containsString("/issue\"")))));
	}

	@Test
	void issuingADraftPostsToProjectServiceWithTheStaffJwt() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/invoices/" + invoice + "/issue", 200, "{}");

		this.mvc.perform(get("/invoices/" + invoice).param("done", "created").cookie(session(member)))
			.andExpect(content().string(allOf(containsString("action=\"/invoices/" + invoice + "/issue\""),
					containsString("Invoice saved as a draft."), containsString(">Draft</span>"))));
		this.mvc.perform(post("/invoices/" + invoice + "/issue").with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/invoices/" + invoice + "?done=issued"));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/invoices/" + invoice + "/issue"));
	}

	@Test
	void anIssueProjectServiceRefusesIsAMessageOnThePage() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "OPEN", 0, false));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/invoices/" + invoice + "/issue", 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, "
						+ "\"detail\": \"The invoice is OPEN\", \"currentStatus\": \"OPEN\"}");

		this.mvc.perform(post("/invoices/" + invoice + "/issue").with(formOf(this.mvc, member)))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("<h1>Deposit</h1>"),
					containsString("The invoice was not issued: The invoice is OPEN"))));
	}

	@Test
	void aPaymentReceivedOutsideThePortalIsRecordedInMinorUnits() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "OPEN", 0, false));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/invoices/" + invoice + "/payments", 200, "{}");

		this.mvc.perform(get("/invoices/" + invoice).cookie(session(member)))
			.andExpect(content().string(allOf(containsString("action=\"/invoices/" + invoice + "/payments\""),
					containsString("Amount (USD)"), containsString("action=\"/invoices/" + invoice + "/void\""))));
		this.mvc.perform(post("/invoices/" + invoice + "/payments").with(formOf(this.mvc, member))
			.param("amount", "1,100.50")
			.param("reference", " Cheque 12 "))
			.andExpect(redirectedUrl("/invoices/" + invoice + "?done=payment-recorded"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/invoices/" + invoice + "/payments")
			.withRequestBody(equalToJson("{\"amountMinor\": 110050, \"reference\": \"Cheque 12\"}")));
	}

	@Test
	void aPaymentThatIsNotAnAmountOrMoreThanTheBalanceIsAMessage() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "OPEN", 0, false));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/invoices/" + invoice + "/payments", 422,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 422, \"errors\": "
						+ "[{\"field\": \"amountMinor\", \"message\": \"is more than the balance due\"}]}");

		this.mvc.perform(post("/invoices/" + invoice + "/payments").with(formOf(this.mvc, member))
			.param("amount", "10.005"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the amount received as a number like 1250 or 1250.00")));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/invoices/" + invoice + "/payments"));

		this.mvc.perform(post("/invoices/" + invoice + "/payments").with(formOf(this.mvc, member))
			.param("amount", "5000"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(
					containsString("The payment was not recorded: the amount is more than the balance due")));
	}

	@Test
	void voidingSendsTheReasonAndItsRefusalIsAMessage() throws Exception {
		StaffMember member = member();
		UUID project = project(member);
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + invoice, 200,
				ScreenStubs.invoice(invoice, project, "OPEN", 10000, false));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/invoices/" + invoice + "/void", 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, "
						+ "\"detail\": \"The invoice has payments; refund them first\"}");

		this.mvc.perform(get("/invoices/" + invoice).cookie(session(member)))
			.andExpect(content().string(not(containsString("/void\""))));
		this.mvc.perform(post("/invoices/" + invoice + "/void").with(formOf(this.mvc, member))
			.param("reason", "Wrong client"))
			.andExpect(status().isConflict())
			.andExpect(content().string(
					containsString("The invoice was not voided: The invoice has payments; refund them first")));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/invoices/" + invoice + "/void")
			.withRequestBody(equalToJson("{\"reason\": \"Wrong client\"}")));

		UUID draft = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/invoices/" + draft + "/void", 200, "{}");
		this.mvc.perform(post("/invoices/" + draft + "/void").with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/invoices/" + draft + "?done=voided"));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/invoices/" + draft + "/void")
			.withRequestBody(equalToJson("{\"reason\": null}")));
	}

	@Test
	void anotherWorkspacesProjectOrInvoiceIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + elsewhere, 404, ScreenStubs.notFound());
		answer(BackOfficeService.PROJECT, member, "GET", "/api/invoices/" + elsewhere, 404, ScreenStubs.notFound());
		answer(BackOfficeService.PROJECT, member, "POST", "/api/invoices/" + elsewhere + "/issue", 404,
				ScreenStubs.notFound());

		this.mvc.perform(get("/projects/" + elsewhere + "/invoices/new").cookie(session(member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(form(post("/projects/" + elsewhere + "/invoices"), member, "USD", "Deposit", "2026-12-15")
			.param("description", "Deposit")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(status().isNotFound());
		this.mvc.perform(get("/invoices/" + elsewhere).cookie(session(member))).andExpect(status().isNotFound());
		this.mvc.perform(post("/invoices/" + elsewhere + "/issue").with(formOf(this.mvc, member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/invoices/12345").cookie(session(member))).andExpect(status().isNotFound());

		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + elsewhere + "/invoices"));
	}

	@Test
	void withoutASessionOrACsrfTokenNothingIsSent() throws Exception {
		UUID invoice = UUID.randomUUID();
		this.mvc.perform(get("/invoices/" + invoice)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(post("/invoices/" + invoice + "/issue").with(CsrfTokens.fetch(this.mvc).asField()))
			.andExpect(redirectedUrl("/sign-in"));

		StaffMember member = member();
		UUID project = project(member);
		this.mvc.perform(post("/invoices/" + invoice + "/issue").cookie(session(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/invoices/" + invoice + "/payments").cookie(session(member)).param("amount", "10"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/invoices/" + invoice + "/void").cookie(session(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/projects/" + project + "/invoices").cookie(session(member))
			.param("title", "Deposit")
			.param("dueDate", "2026-12-15")).andExpect(status().isForbidden());

		server(BackOfficeService.PROJECT).verify(0, anyRequestedFor(urlPathMatching("/api/invoices/" + invoice + "/.*")));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/invoices"));
	}

	@Test
	void projectServiceDownIsTheServiceUnavailablePage() throws Exception {
		StaffMember member = member();
		UUID invoice = UUID.randomUUID();
		ScreenStubs.down(BackOfficeService.PROJECT, "POST", "/api/invoices/" + invoice + "/issue");

		this.mvc.perform(post("/invoices/" + invoice + "/issue").with(formOf(this.mvc, member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
			.andExpect(content().string(containsString("This page is unavailable right now")));
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, StaffMember member,
			String currency, String title, String dueDate) throws Exception {
		return request.with(formOf(this.mvc, member))
			.param("currency", currency)
			.param("title", title)
			.param("dueDate", dueDate);
	}
}
