package com.coastline.backoffice.routing;

import java.util.List;
import java.util.Map;

import com.coastline.backoffice.support.BackofficeGatewayTest;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import com.coastline.backoffice.support.ServicesStub;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.coastline.backoffice.routing.RoutingTest.from;
import static com.coastline.backoffice.routing.RoutingTest.nextClientIp;
import static com.coastline.backoffice.support.SignedInScreens.member;
import static com.coastline.backoffice.support.SignedInScreens.session;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one view of the services' OpenAPI documents: Swagger UI at {@code /api-docs}, for signed-in staff only, over
 * the routes {@code /api-docs/{service}} to each service's {@code /v3/api-docs}; the gateway's own document closed.
 */
@BackofficeGatewayTest
class ApiDocsTest {

	private static final String PROJECT_DOCUMENT = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": "
			+ "\"Coastline project-service\", \"version\": \"1\"}, \"paths\": {\"/api/projects\": {}}}";

	@Autowired
	MockMvc mvc;

	@Test
	void aServicesDocumentIsProxiedFromItsV3ApiDocsWithTheStaffToken() throws Exception {
		StaffMember member = member();
		ServicesStub.of(BackOfficeService.PROJECT)
			.stubFor(WireMock.get(urlPathEqualTo("/v3/api-docs"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody(PROJECT_DOCUMENT)));

		this.mvc
			.perform(get("/api-docs/project").cookie(session(member))
				.with(from(nextClientIp())))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.info.title").value("Coastline project-service"))
			.andExpect(jsonPath("$.paths['/api/projects']").exists());

		List<LoggedRequest> received = ServicesStub.of(BackOfficeService.PROJECT)
			.findAll(anyRequestedFor(urlPathEqualTo("/v3/api-docs")));
		assertThat(received).isNotEmpty();
		LoggedRequest last = received.get(received.size() - 1);
		assertThat(last.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + member.jwt());
		assertThat(last.containsHeader(HttpHeaders.COOKIE)).isFalse();
	}

	@Test
	void theDocumentsAreForSignedInStaffOnlyAndOnlyTheSixServicesHaveOne() throws Exception {
		int before = ServicesStub.of(BackOfficeService.AUTOMATION)
			.findAll(anyRequestedFor(urlPathEqualTo("/v3/api-docs")))
			.size();

		this.mvc.perform(get("/api-docs/automation").with(from(nextClientIp())))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		StaffMember member = member();
		this.mvc
			.perform(get("/api-docs/billing").cookie(session(member))
				.with(from(nextClientIp())))
			.andExpect(status().isNotFound());

		assertThat(ServicesStub.of(BackOfficeService.AUTOMATION)
			.findAll(anyRequestedFor(urlPathEqualTo("/v3/api-docs")))).hasSize(before);
	}

	@Test
	void withoutASessionTheSwaggerUiRedirectsToSignIn() throws Exception {
		this.mvc.perform(get("/api-docs")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/swagger-ui/swagger-initializer.js"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/v3/api-docs/swagger-config"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void withAStaffSessionTheSwaggerUiListsTheSixServicesDocuments() throws Exception {
		StaffMember member = member();
		Cookie session = session(member);

		String page = this.mvc.perform(get("/api-docs").cookie(session))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page).startsWith("/swagger-ui/index.html");
		this.mvc.perform(get(page).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<div id=\"swagger-ui\"></div>")))
			.andExpect(header().string("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; "
							+ "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
							+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
							+ "frame-ancestors 'none'"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		this.mvc.perform(get("/swagger-ui/swagger-initializer.js").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/v3/api-docs/swagger-config")))
			.andExpect(content().string(not(containsString("petstore"))));

		String config = this.mvc.perform(get("/v3/api-docs/swagger-config").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, String>> urls = JsonPath.read(config, "$.urls");
		assertThat(urls).extracting((url) -> url.get("name") + " " + url.get("url"))
			.containsExactlyInAnyOrder("identity /api-docs/identity", "project /api-docs/project", "media /api-docs/media",
					"portal /api-docs/portal", "automation /api-docs/automation",
					"notification /api-docs/notification");
		assertThat(urls).hasSize(BackOfficeService.values().length);
		assertThat(JsonPath.<String>read(config, "$['urls.primaryName']")).isEqualTo("project");
	}

	@Test
	void theGatewayHasNoDocumentOfItsOwn() throws Exception {
		StaffMember member = member();
		Cookie session = session(member);

		for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/springdocDefault")) {
			this.mvc.perform(get(path).cookie(session))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void theOtherPagesKeepTheStrictPolicy() throws Exception {
		this.mvc.perform(get("/sign-in"))
			.andExpect(header().string("Content-Security-Policy", containsString("img-src 'self';")));
	}
}
