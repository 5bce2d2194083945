package com.coastline.project;

import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the back-office API as a staff member of one workspace. */
public final class BackOffice {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvcTester mvc;

	private final UUID workspace;

	public BackOffice(MockMvcTester mvc, UUID workspace) {
		this.mvc = mvc;
		this.workspace = workspace;
	}

	public UUID workspace() {
		return this.workspace;
	}

	public String bearer() {
		return TestTokens.staff(this.workspace).roles("owner").bearer();
	}

	public MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer()).exchange();
	}

	public MvcTestResult post(String uri) {
		return this.mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer()).exchange();
	}

	public MvcTestResult post(String uri, String json) {
		return this.mvc.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	public MvcTestResult put(String uri, String json) {
		return this.mvc.put()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	public UUID createContact(String firstName, String lastName, String email) {
		MvcTestResult created = post("/api/contacts", json("firstName", firstName, "lastName", lastName, "email", email));
		assertThat(created).hasStatus(201);
		return id(created);
	}

	public UUID createProject(String name, String address, UUID primaryContactId) {
		MvcTestResult created = post("/api/projects",
				json("name", name, "address", address, "primaryContactId", primaryContactId));
		assertThat(created).hasStatus(201);
		return id(created);
	}

	/** A contact and a lead whose primary contact it is; returns the project. */
	public UUID createLeadWithContact() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID contact = createContact("Dana", "Reyes", "dana." + tag + "@example.com");
		return createProject("Roof replacement " + tag, "12 Pine St, Boulder CO", contact);
	}

	/** A JSON object of name/value pairs (values serialised by Jackson; nulls kept). */
	public static String json(Object... namesAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return JSON.writeValueAsString(object);
	}

	public static UUID id(MvcTestResult result) {
		return UUID.fromString(read(result, "$.id"));
	}

	public static <T> T read(MvcTestResult result, String path) {
		try {
			return JsonPath.read(result.getResponse().getContentAsString(), path);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
