package com.coastline.automation;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member of one workspace using the automations API, with the token the back-office gateway relays. */
public final class BackOffice {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvcTester mvc;

	private final String bearer;

	public BackOffice(MockMvcTester mvc, UUID workspaceId) {
		this(mvc, TestTokens.staff(workspaceId).roles("owner").bearer());
	}

	public BackOffice(MockMvcTester mvc, String bearer) {
		this.mvc = mvc;
		this.bearer = bearer;
	}

	/** The JSON of a new <em>Project approved</em> automation with one email. */
	public static String automation(String name, boolean enabled, String subject, String body) {
		return """
				{"name": %s, "trigger": "PROJECT_APPROVED", "enabled": %s,
				 "actions": [{"type": "SEND_EMAIL", "subject": %s, "body": %s}]}"""
			.formatted(JSON.writeValueAsString(name), enabled, JSON.writeValueAsString(subject),
					JSON.writeValueAsString(body));
	}

	/** Creates a <em>Project approved</em> automation; returns its id. */
	public UUID createAutomation(String name, boolean enabled, String subject, String body) {
		MvcTestResult created = post("/api/automations", automation(name, enabled, subject, body));
		assertThat(created).hasStatus(201);
		return UUID.fromString(JsonPath.read(body(created), "$.id"));
	}

	/** Creates an enabled automation with one email for a trigger; returns its id. */
	public UUID createAutomation(String trigger, String name, String subject, String body) {
		MvcTestResult created = post("/api/automations", """
				{"name": %s, "trigger": "%s", "enabled": true,
				 "actions": [{"type": "SEND_EMAIL", "subject": %s, "body": %s}]}"""
			.formatted(JSON.writeValueAsString(name), trigger, JSON.writeValueAsString(subject),
					JSON.writeValueAsString(body)));
		assertThat(created).hasStatus(201);
		return UUID.fromString(JsonPath.read(body(created), "$.id"));
	}

	public MvcTestResult get(String path) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}

	public MvcTestResult post(String path, String json) {
		return mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	public MvcTestResult put(String path, String json) {
		return mvc.put()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	public static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
