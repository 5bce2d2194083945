package com.coastline.media.config;

import java.util.UUID;

import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaServiceTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document: public, lists the media endpoints, and opens nothing else. */
@MediaServiceTest
class ApiDocumentationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theDocumentIsServedWithoutATokenAndListsTheMediaEndpoints() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs").header(HttpHeaders.HOST, "evil.example"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(JsonPath.<String>read(document, "$.openapi")).startsWith("3.");
		assertThat(JsonPath.<String>read(document, "$.info.title")).isEqualTo("Coastline media-service");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(document, "$.paths")).containsKeys(
				"/api/projects/{projectId}/photos", "/api/photos/{photoId}", "/api/photos/add-to-portal",
				"/api/photos/remove-from-portal", "/api/photos/{photoId}/thumbnail", "/api/photos/{photoId}/web",
				"/api/photos/{photoId}/original", "/api/projects/{projectId}/documents", "/api/documents/{documentId}",
				"/api/documents/{documentId}/share", "/api/documents/{documentId}/unshare",
				"/api/documents/{documentId}/file", "/portal/projects/{projectId}/photos",
				"/portal/projects/{projectId}/documents", "/portal/photos/{photoId}/thumbnail",
				"/portal/photos/{photoId}/web", "/portal/documents/{documentId}/file");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(document, "$.paths['/api/photos/{photoId}']"))
			.containsKeys("get", "delete");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(document, "$.paths['/api/documents/{documentId}']"))
			.containsKeys("get", "delete");
		assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.bearer-jwt.scheme")).isEqualTo("bearer");
		assertThat(JsonPath.<String>read(document, "$.servers[0].url")).isEqualTo("/");
		assertThat(document).doesNotContain("evil.example").doesNotContain("/actuator");
	}

	@Test
	void onlyTheDocumentItselfIsOpen() throws Exception {
		this.mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/v3/api-docs/")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/photos/{id}", UUID.randomUUID())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/photos/{id}", UUID.randomUUID())
				.header("Authorization", MediaFixture.staff(UUID.randomUUID())))
			.andExpect(status().isNotFound());
	}
}
