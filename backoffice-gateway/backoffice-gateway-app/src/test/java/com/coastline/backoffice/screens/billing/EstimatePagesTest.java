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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
 * Estimates against identity (the workspace's currency) and project-service at their HTTP boundary: the new form in
 * the workspace's currency with empty rows; the lines typed as a person writes amounts reach project-service as its
 * integers (blank rows left out); what is not an amount is refused by its row and field before anything is sent;
 * project-service's refusals by their fields; the estimate's page; <em>Send to client</em> and its refusal.
 */
@BackofficeGatewayTest
class EstimatePagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theNewFormIsInTheWorkspacesCurrencyWithEmptyRows() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		answer(BackOfficeService.IDENTITY, member, "GET", "/api/workspaces/" + member.workspaceId(), 200,
				"{\"id\": \"" + member.workspaceId() + "\", \"name\": \"Harbour Roofing\", \"currency\": \"EUR\"}");

		this.mvc.perform(get("/projects/" + project + "/estimates/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>New estimate</h1>"),
					containsString("name=\"currency\" type=\"text\" maxlength=\"3\" autocomplete=\"off\" required value=\"EUR\""),
					containsString("id=\"row4-description\""), not(containsString("id=\"row5-description\"")),
					containsString("action=\"/projects/" + project + "/estimates\""), not(containsString("<script")),
					not(containsString("style=")))));
	}

	@Test
	void theProjectPageLeadsToNewAndExistingEstimatesAndInvoices() throws Exception {
		StaffMember member = member();
		UUID project = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project, 200,
				ScreenStubs.project(project, "Roof repair", "ESTIMATING", null));
		UUID estimate = UUID.randomUUID();
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project + "/estimates", 200,
				"[" + ScreenStubs.estimate(estimate, project, "DRAFT", 1, "New roof") + "]");
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project + "/invoices", 200,
				"[" + ScreenStubs.invoice(invoice, project, "DRAFT", 0, false) + "]");

		this.mvc.perform(get("/projects/" + project).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/projects/" + project + "/estimates/new\""),
					containsString("href=\"/projects/" + project + "/invoices/new\""),
					containsString("<a href=\"/estimates/" + estimate + "\">New roof</a>"),
					containsString("<a href=\"/invoices/" + invoice + "\">Deposit</a>"))));
	}

	@Test
	void identityDownLeavesTheCurrencyToType() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		ScreenStubs.down(BackOfficeService.IDENTITY, "GET", "/api/workspaces/" + member.workspaceId());

		this.mvc.perform(get("/projects/" + project + "/estimates/new").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("autocomplete=\"off\" required value=\"\"")));
	}

	@Test
	void anEstimateReachesProjectServiceAsItsIntegersWithoutTheBlankRows() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/estimates", 201,
				ScreenStubs.estimate(estimate, project, "DRAFT", 1, "New roof"));

		this.mvc.perform(form(post("/projects/" + project + "/estimates"), member, "usd", "New roof", "2026-12-31")
			.param("description", "Shingles, grey", "", "Disposal", "", "")
			.param("quantity", "2.5", "", "1", "", "")
			.param("unitPrice", "1,000.00", "", "40", "", "")
			.param("taxRate", "8.25", "", "", "", ""))
			.andExpect(redirectedUrl("/estimates/" + estimate + "?done=created"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/estimates")
			.withRequestBody(equalToJson("{\"currency\": \"USD\", \"title\": \"New roof\", \"notes\": null, "
					+ "\"validUntil\": \"2026-12-31\", \"lineItems\": ["
					+ "{\"description\": \"Shingles, grey\", \"quantity\": 2.5, \"unitPriceMinor\": 100000, \"taxRateBasisPoints\": 825},"
					+ "{\"description\": \"Disposal\", \"quantity\": 1, \"unitPriceMinor\": 4000, \"taxRateBasisPoints\": 0}]}")));
	}

	@Test
	void whatIsNotAnAmountIsRefusedByItsRowAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");

		this.mvc.perform(form(post("/projects/" + project + "/estimates"), member, "USD", "New roof", "31/12/2026")
			.param("description", "Shingles", "Disposal", "Nails", "Gutter", "")
			.param("quantity", "two", "1.2345", "1", "1", "")
			.param("unitPrice", "19.999", "-5", "1,5", "1.000", "")
			.param("taxRate", "8.255", "abc", "", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"row0-quantity-error\">Enter a quantity like 1"),
					containsString("id=\"row1-quantity-error\">Enter a quantity like 1"),
					containsString("id=\"row0-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"row1-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"row2-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"row3-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"row0-taxRate-error\">Enter a rate in percent"),
					containsString("id=\"validUntil-error\">Enter the day as YYYY-MM-DD.</p>"),
					containsString("value=\"19.999\""), containsString("value=\"two\""))));

		this.mvc.perform(form(post("/projects/" + project + "/estimates"), member, "Dollars", "New roof", "")
			.param("description", "", "", "", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"currency-error\">Enter a currency code like USD"),
					containsString("id=\"lineItems-error\">Add at least one line.</p>"))));

		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/estimates"));
	}

	@Test
	void projectServicesRefusalIsShownByItsRowAndField() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		answer(BackOfficeService.PROJECT, member, "POST", "/api/projects/" + project + "/estimates", 400,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 400, \"errors\": ["
						+ "{\"field\": \"lineItems[1].description\", \"message\": \"must be a single line\"},"
						+ "{\"field\": \"title\", \"message\": \"size must be between 0 and 200\"}]}");

		// The second line sent is the form's fourth row: the blank rows in between are not sent.
		this.mvc.perform(form(post("/projects/" + project + "/estimates"), member, "USD", "New roof", "")
			.param("description", "Shingles", "", "", "Bad\u2028line", "")
			.param("quantity", "1", "", "", "1", "")
			.param("unitPrice", "10", "", "", "10", "")
			.param("taxRate", "", "", "", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(
					containsString("id=\"row3-description-error\">must be a single line</p>"),
					containsString("id=\"title-error\">size must be between 0 and 200</p>"),
					containsString("aria-invalid=\"true\" aria-describedby=\"row3-description-error\""))));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/projects/" + project + "/estimates"));
	}

	@Test
	void theEstimatesPageShowsItsLinesTotalsStatusAndVersions() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 2, "New roof"));

		this.mvc.perform(get("/estimates/" + estimate).param("done", "created").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>New roof</h1>"), containsString("Roof repair"),
					containsString("Estimate saved as a draft."), containsString(">Draft</span>"),
					containsString("<dt>Version</dt><dd>2</dd>"), containsString("31 Dec 2026"),
					containsString("Shingles"), containsString(">2.5</td>"), containsString(">USD 100.00</td>"),
					containsString(">8.25 %</td>"), containsString(">USD 270.63</td>"),
					containsString(">USD 310.63</td>"), containsString("Version 1: First try"),
					containsString(">Superseded</span>"),
					containsString("action=\"/estimates/" + estimate + "/send\""))));
	}

	@Test
	void aSentEstimateOffersNoSendButton() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "SENT", 1, "New roof"));

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">Sent</span>"),
					not(containsString("/send\"")))));
	}

	@Test
	void sendingPostsToProjectServiceWithTheStaffJwt() throws Exception {
		StaffMember member = member();
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "POST", "/api/estimates/" + estimate + "/send", 200, "{}");

		this.mvc.perform(post("/estimates/" + estimate + "/send").with(formOf(this.mvc, member)))
			.andExpect(redirectedUrl("/estimates/" + estimate + "?done=sent"));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "POST", "/api/estimates/" + estimate + "/send"));
	}

	@Test
	void aSendProjectServiceRefusesIsAMessageOnThePage() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 1, "New roof"));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/estimates/" + estimate + "/send", 422,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 422, "
						+ "\"detail\": \"The valid-until date has passed\", "
						+ "\"errors\": [{\"field\": \"validUntil\", \"message\": \"has passed\"}]}");

		this.mvc.perform(post("/estimates/" + estimate + "/send").with(formOf(this.mvc, member)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("<h1>New roof</h1>"),
					containsString("The estimate was not sent: The valid-until date has passed"))));

		answer(BackOfficeService.PROJECT, member, "POST", "/api/estimates/" + estimate + "/send", 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, "
						+ "\"detail\": \"The estimate is SENT\", \"currentStatus\": \"SENT\"}");
		this.mvc.perform(post("/estimates/" + estimate + "/send").with(formOf(this.mvc, member)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The estimate was not sent: The estimate is SENT")));
	}

	@Test
	void anApprovedVersionIsInvoicedWithItsDueDate() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		UUID invoice = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "APPROVED", 1, "New roof"));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/estimates/" + estimate + "/versions/1/invoices", 201,
				ScreenStubs.invoice(invoice, project, "DRAFT", 0, false));

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Invoice the approved version"),
					containsString("action=\"/estimates/" + estimate + "/versions/1/invoice\""),
					not(containsString("/send\"")))));
		this.mvc.perform(post("/estimates/" + estimate + "/versions/1/invoice").with(formOf(this.mvc, member))
			.param("dueDate", "2026-12-20")).andExpect(redirectedUrl("/invoices/" + invoice + "?done=created"));

		server(BackOfficeService.PROJECT).verify(1,
				calls(member, "POST", "/api/estimates/" + estimate + "/versions/1/invoices")
					.withRequestBody(equalToJson("{\"dueDate\": \"2026-12-20\"}")));
	}

	@Test
	void anInvoicedVersionOrAMalformedDueDateIsAMessageOnTheEstimatesPage() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "APPROVED", 1, "New roof"));
		answer(BackOfficeService.PROJECT, member, "POST", "/api/estimates/" + estimate + "/versions/1/invoices", 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, "
						+ "\"detail\": \"Version 1 is already invoiced\"}");

		this.mvc.perform(post("/estimates/" + estimate + "/versions/1/invoice").with(formOf(this.mvc, member))
			.param("dueDate", "2026-12-20"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("<h1>New roof</h1>"),
					containsString("No invoice was created: Version 1 is already invoiced"))));
		this.mvc.perform(post("/estimates/" + estimate + "/versions/1/invoice").with(formOf(this.mvc, member))
			.param("dueDate", "next week"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the day the invoice is due (YYYY-MM-DD).")));
		this.mvc.perform(post("/estimates/" + estimate + "/versions/first/invoice").with(formOf(this.mvc, member))
			.param("dueDate", "2026-12-20")).andExpect(status().isNotFound());

		server(BackOfficeService.PROJECT).verify(1,
				calls(member, "POST", "/api/estimates/" + estimate + "/versions/1/invoices"));
	}

	@Test
	void anotherWorkspacesProjectOrEstimateIsTheNotFoundPage() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + elsewhere, 404, ScreenStubs.notFound());
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + elsewhere, 404, ScreenStubs.notFound());
		answer(BackOfficeService.PROJECT, member, "POST", "/api/estimates/" + elsewhere + "/send", 404,
				ScreenStubs.notFound());

		this.mvc.perform(get("/projects/" + elsewhere + "/estimates/new").cookie(session(member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(form(post("/projects/" + elsewhere + "/estimates"), member, "USD", "Roof", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(status().isNotFound());
		this.mvc.perform(get("/estimates/" + elsewhere).cookie(session(member))).andExpect(status().isNotFound());
		this.mvc.perform(post("/estimates/" + elsewhere + "/send").with(formOf(this.mvc, member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/estimates/not-an-id").cookie(session(member))).andExpect(status().isNotFound());

		server(BackOfficeService.PROJECT).verify(0,
				calls(member, "POST", "/api/projects/" + elsewhere + "/estimates"));
	}

	@Test
	void withoutASessionTheScreensSendToSignInAndNothingIsSent() throws Exception {
		UUID project = UUID.randomUUID();
		UUID estimate = UUID.randomUUID();
		this.mvc.perform(get("/projects/" + project + "/estimates/new")).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/estimates/" + estimate)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(post("/estimates/" + estimate + "/send").with(CsrfTokens.fetch(this.mvc).asField()))
			.andExpect(redirectedUrl("/sign-in"));
		server(BackOfficeService.PROJECT).verify(0, anyRequestedFor(urlPathMatching("/api/estimates/" + estimate + ".*")));
	}

	@Test
	void withoutACsrfTokenTheFormsAreRefusedAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();

		this.mvc.perform(post("/projects/" + project + "/estimates").cookie(session(member))
			.param("currency", "USD")
			.param("title", "Roof")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")).andExpect(status().isForbidden());
		this.mvc.perform(post("/estimates/" + estimate + "/send").cookie(session(member)))
			.andExpect(status().isForbidden());

		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/projects/" + project + "/estimates"));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "POST", "/api/estimates/" + estimate + "/send"));
	}

	@Test
	void projectServiceDownIsTheServiceUnavailablePage() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		ScreenStubs.down(BackOfficeService.PROJECT, "GET", "/api/estimates/" + estimate);
		ScreenStubs.down(BackOfficeService.PROJECT, "POST", "/api/projects/" + project + "/estimates");

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
			.andExpect(content().string(containsString("This page is unavailable right now")));
		this.mvc.perform(form(post("/projects/" + project + "/estimates"), member, "USD", "Roof", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(status().isServiceUnavailable());
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, StaffMember member,
			String currency, String title, String validUntil) throws Exception {
		return request.with(formOf(this.mvc, member))
			.param("currency", currency)
			.param("title", title)
			.param("notes", "")
			.param("validUntil", validUntil);
	}
}
