package com.coastline.backoffice.screens.billing;

import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ScreenStubs;
import com.coastline.backoffice.support.SignedInScreens;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.coastline.backoffice.support.ScreenStubs.answer;
import static com.coastline.backoffice.support.ScreenStubs.calls;
import static com.coastline.backoffice.support.ScreenStubs.server;
import static com.coastline.backoffice.support.SignedInScreens.formOf;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.project;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The edit pages' tests' record (an estimate or an invoice), shared by {@code EstimateEditPagesTest} and
 * {@code InvoiceEditPagesTest}: a new signed-in member ({@code SignedInScreens}) with a project, one record of
 * theirs that project-service answers at its HTTP boundary ({@code ScreenStubs}, the member's staff JWT only), the
 * edit form posted as the member's browser posts it (session cookie, CSRF field), and the {@code PUT}s
 * project-service received.
 */
final class EditedRecord {

	final StaffMember member;

	final UUID project;

	final UUID id;

	/** The record's page, {@code /estimates/{id}} or {@code /invoices/{id}}. */
	final String page;

	/** project-service's path of the record, {@code /api/estimates/{id}} or {@code /api/invoices/{id}}. */
	final String api;

	private EditedRecord(StaffMember member, UUID project, String plural) {
		this.member = member;
		this.project = project;
		this.id = UUID.randomUUID();
		this.page = "/" + plural + "/" + this.id;
		this.api = "/api/" + plural + "/" + this.id;
	}

	/** A new member's estimate (project-service's version 3) of a project in this status, not stubbed yet. */
	static EditedRecord estimateOf(String projectStatus) {
		StaffMember member = member();
		return new EditedRecord(member, project(member, projectStatus), "estimates");
	}

	/**
	 * A new member's estimate of an estimating project, as {@code ScreenStubs.estimate} writes it (version 3).
	 * @param status the current version's status
	 * @param number the current version's number
	 */
	static EditedRecord estimate(String status, int number, String title) {
		EditedRecord estimate = estimateOf("ESTIMATING");
		estimate.reads(estimate.estimateJson(status, number, title));
		return estimate;
	}

	/** A new member's invoice of an approved project in this status, as {@code ScreenStubs.invoice} writes it (version 2). */
	static EditedRecord invoice(String status) {
		StaffMember member = member();
		EditedRecord invoice = new EditedRecord(member, project(member), "invoices");
		invoice.reads(invoice.invoiceJson(status));
		return invoice;
	}

	/** A record of another workspace (project-service's 404 for this member), {@code estimates} or {@code invoices}. */
	static EditedRecord elsewhere(String plural) {
		StaffMember member = member();
		EditedRecord record = new EditedRecord(member, UUID.randomUUID(), plural);
		record.reads(404, ScreenStubs.notFound());
		return record;
	}

	String estimateJson(String status, int number, String title) {
		return ScreenStubs.estimate(this.id, this.project, status, number, title);
	}

	String invoiceJson(String status) {
		return ScreenStubs.invoice(this.id, this.project, status, 0, false);
	}

	/** The same JSON with another optimistic-locking {@code version} (the record changed). */
	static String withVersion(String json, long version) {
		return json.replaceFirst("\"version\": \\d+", "\"version\": " + version);
	}

	/** project-service answers {@code GET} of the record with this JSON from now on. */
	void reads(String json) {
		reads(200, json);
	}

	void reads(int status, String json) {
		answer(BackOfficeService.PROJECT, this.member, "GET", this.api, status, json);
	}

	/** project-service answers {@code PUT} of the record with this status and JSON. */
	void saves(int status, String json) {
		answer(BackOfficeService.PROJECT, this.member, "PUT", this.api, status, json);
	}

	/**
	 * Someone saves the record between the gateway's read and its {@code PUT}: project-service answers the first
	 * {@code GET} with {@code before}, refuses the {@code PUT} with 409 (a stale version) and from then on answers
	 * {@code GET} with {@code after}.
	 */
	void changedWhileSaving(String before, String after) {
		String scenario = "changed " + this.id;
		server(BackOfficeService.PROJECT).stubFor(scenario(WireMock.get(urlPathEqualTo(this.api)), scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, before)));
		server(BackOfficeService.PROJECT).stubFor(scenario(WireMock.put(urlPathEqualTo(this.api)), scenario)
			.willSetStateTo("changed")
			.willReturn(json(409, "{\"type\": \"tag:coastline.app,2026:problem:conflict\", \"status\": 409, "
					+ "\"detail\": \"It changed since version 3; reload it.\", \"currentVersion\": 4}")));
		server(BackOfficeService.PROJECT).stubFor(scenario(WireMock.get(urlPathEqualTo(this.api)), scenario)
			.whenScenarioStateIs("changed")
			.willReturn(json(200, after)));
	}

	private ScenarioMappingBuilder scenario(MappingBuilder request, String scenario) {
		return request.atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + this.member.jwt()))
			.inScenario(scenario);
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", (status >= 400) ? "application/problem+json" : "application/json")
			.withBody(body);
	}

	Cookie session() {
		return SignedInScreens.session(this.member);
	}

	/** The record's page, as the member opens it. */
	MockHttpServletRequestBuilder open(String path) {
		return get(this.page + path).cookie(session());
	}

	/** The edit form as the member's browser posts it, with these lines (description, quantity, unit price, tax). */
	MockHttpServletRequestBuilder edit(MockMvc mvc, String[]... lines) throws Exception {
		MockHttpServletRequestBuilder request = post(this.page + "/edit").with(formOf(mvc, this.member));
		for (String[] line : lines) {
			request.param("description", line[0])
				.param("quantity", line[1])
				.param("unitPrice", line[2])
				.param("taxRate", line[3]);
		}
		return request;
	}

	/** A line row as typed: description, quantity, unit price, tax rate. */
	static String[] line(String description, String quantity, String unitPrice, String taxRate) {
		return new String[] { description, quantity, unitPrice, taxRate };
	}

	/** The member's {@code PUT}s of the record. */
	RequestPatternBuilder puts() {
		return calls(this.member, "PUT", this.api);
	}

	/** The member's {@code PUT}s of the record with this JSON body. */
	RequestPatternBuilder puts(String json) {
		return puts().withRequestBody(equalToJson(json));
	}

	/** How many {@code PUT}s of the record project-service received. */
	int putCount() {
		return server(BackOfficeService.PROJECT).findAll(puts()).size();
	}

	/** How many times the gateway read the record. */
	int readCount() {
		return server(BackOfficeService.PROJECT).findAll(calls(this.member, "GET", this.api)).size();
	}
}
