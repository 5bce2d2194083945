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
 * <em>Edit</em> an estimate against project-service at its HTTP boundary: the estimate's page links to the form; the
 * form is filled from the current version (amounts as a person types them, the currency fixed); saving sends
 * project-service's {@code PUT /api/estimates/{id}} without the currency and returns to the estimate's page ("Saved",
 * or "Saved as version n" when project-service made a new draft version); what is not an amount is refused by its
 * row and field with nothing sent; project-service's refusals by their fields and its 409 as a message; another
 * workspace's estimate is the 404 page with nothing sent; a form without its CSRF token is refused.
 */
@BackofficeGatewayTest
class EstimateEditPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theEstimatesPageLeadsToTheEditFormFilledFromTheCurrentVersion() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "SENT", 2, "New roof"));

		this.mvc.perform(get("/estimates/" + estimate).cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/estimates/" + estimate + "/edit\">Edit</a>")));
		this.mvc.perform(get("/estimates/" + estimate + "/edit").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Edit estimate</h1>"),
					containsString("action=\"/estimates/" + estimate + "/edit\""),
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
					not(containsString("id=\"row5-description\"")), not(containsString("<script")))));
	}

	@Test
	void savingSendsTheEditWithoutTheCurrencyAndShowsTheNewVersion() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "SENT", 1, "New roof"));
		answer(BackOfficeService.PROJECT, member, "PUT", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 2, "New roof, grey"));

		// A currency typed into the form (it is shown read-only) is not sent: it was fixed at creation.
		this.mvc.perform(form(post("/estimates/" + estimate + "/edit"), member, "EUR", "New roof, grey", "2027-01-31")
			.param("description", "Shingles, grey", "Disposal", "")
			.param("quantity", "3", "1", "")
			.param("unitPrice", "1,000.00", "40.00", "")
			.param("taxRate", "8.25", "0", ""))
			.andExpect(redirectedUrl("/estimates/" + estimate + "?done=revised"));

		server(BackOfficeService.PROJECT).verify(1, calls(member, "PUT", "/api/estimates/" + estimate)
			.withRequestBody(equalToJson("{\"title\": \"New roof, grey\", \"notes\": null, "
					+ "\"validUntil\": \"2027-01-31\", \"lineItems\": ["
					+ "{\"description\": \"Shingles, grey\", \"quantity\": 3, \"unitPriceMinor\": 100000, \"taxRateBasisPoints\": 825},"
					+ "{\"description\": \"Disposal\", \"quantity\": 1, \"unitPriceMinor\": 4000, \"taxRateBasisPoints\": 0}]}")));

		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 2, "New roof, grey"));
		this.mvc.perform(get("/estimates/" + estimate).param("done", "revised").cookie(session(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saved as version 2, a draft.")));
		this.mvc.perform(get("/estimates/" + estimate).param("done", "saved").cookie(session(member)))
			.andExpect(content().string(containsString("Saved. The client sees the draft once you send it.")));
	}

	@Test
	void editingADraftInPlaceIsSaved() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 1, "New roof"));
		answer(BackOfficeService.PROJECT, member, "PUT", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 1, "Roof"));

		this.mvc.perform(form(post("/estimates/" + estimate + "/edit"), member, "USD", "Roof", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(redirectedUrl("/estimates/" + estimate + "?done=saved"));
		server(BackOfficeService.PROJECT).verify(1, calls(member, "PUT", "/api/estimates/" + estimate)
			.withRequestBody(equalToJson("{\"title\": \"Roof\", \"notes\": null, \"validUntil\": null, \"lineItems\": ["
					+ "{\"description\": \"Shingles\", \"quantity\": 1, \"unitPriceMinor\": 1000, \"taxRateBasisPoints\": 0}]}")));
	}

	@Test
	void whatIsNotAnAmountIsShownByItsRowWithWhatWasTypedAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 1, "New roof"));

		this.mvc.perform(form(post("/estimates/" + estimate + "/edit"), member, "USD", "Typed title", "31/12/2026")
			.param("description", "Shingles", "Disposal")
			.param("quantity", "1", "1")
			.param("unitPrice", "10", "1,5")
			.param("taxRate", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"row1-unitPrice-error\">Enter an amount like 1250.00.</p>"),
					containsString("id=\"validUntil-error\">Enter the day as YYYY-MM-DD.</p>"),
					containsString("value=\"Typed title\""), containsString("value=\"1,5\" id=\"row1-unitPrice\""),
					containsString("action=\"/estimates/" + estimate + "/edit\""))));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "PUT", "/api/estimates/" + estimate));
	}

	@Test
	void projectServicesRefusalsAreShownByFieldOrAsItsMessage() throws Exception {
		StaffMember member = member();
		UUID project = project(member, "ESTIMATING");
		UUID estimate = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + estimate, 200,
				ScreenStubs.estimate(estimate, project, "DRAFT", 1, "New roof"));
		answer(BackOfficeService.PROJECT, member, "PUT", "/api/estimates/" + estimate, 422,
				"{\"type\": \"tag:coastline.app,2026:problem:validation-failed\", \"status\": 422, \"errors\": ["
						+ "{\"field\": \"lineItems[0].description\", \"message\": \"must be a single line\"}]}");

		this.mvc.perform(form(post("/estimates/" + estimate + "/edit"), member, "USD", "Roof", "")
			.param("description", "", "Bad\u2028line")
			.param("quantity", "", "1")
			.param("unitPrice", "", "10")
			.param("taxRate", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"row1-description-error\">must be a single line</p>")));

		answer(BackOfficeService.PROJECT, member, "PUT", "/api/estimates/" + estimate, 409,
				"{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, "
						+ "\"detail\": \"The project is cancelled.\", \"currentStatus\": \"SENT\"}");
		this.mvc.perform(form(post("/estimates/" + estimate + "/edit"), member, "USD", "Roof", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", ""))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("The project is cancelled."),
					containsString("value=\"Shingles\" id=\"row0-description\""))));
	}

	@Test
	void anotherWorkspacesEstimateIsTheNotFoundPageAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID elsewhere = UUID.randomUUID();
		answer(BackOfficeService.PROJECT, member, "GET", "/api/estimates/" + elsewhere, 404, ScreenStubs.notFound());

		this.mvc.perform(get("/estimates/" + elsewhere + "/edit").cookie(session(member)))
			.andExpect(status().isNotFound());
		this.mvc.perform(form(post("/estimates/" + elsewhere + "/edit"), member, "USD", "Roof", "")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")
			.param("taxRate", "")).andExpect(status().isNotFound());
		this.mvc.perform(get("/estimates/not-an-id/edit").cookie(session(member))).andExpect(status().isNotFound());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "PUT", "/api/estimates/" + elsewhere));
	}

	@Test
	void withoutACsrfTokenTheEditIsRefusedAndNothingIsSent() throws Exception {
		StaffMember member = member();
		UUID estimate = UUID.randomUUID();

		this.mvc.perform(post("/estimates/" + estimate + "/edit").cookie(session(member))
			.param("title", "Roof")
			.param("description", "Shingles")
			.param("quantity", "1")
			.param("unitPrice", "10")).andExpect(status().isForbidden());
		server(BackOfficeService.PROJECT).verify(0, calls(member, "PUT", "/api/estimates/" + estimate));
		server(BackOfficeService.PROJECT).verify(0, calls(member, "GET", "/api/estimates/" + estimate));
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
