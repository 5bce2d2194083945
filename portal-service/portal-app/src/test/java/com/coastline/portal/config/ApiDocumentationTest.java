package com.coastline.portal.config;

import com.coastline.portal.support.PortalServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalServiceTest
class ApiDocumentationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theOpenApiDocumentListsEveryEndpointWithoutAToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths", hasKey("/api/portal-profile")))
			.andExpect(jsonPath("$.paths", hasKey("/api/portal-profile/activate")))
			.andExpect(jsonPath("$.paths", hasKey("/api/portal-profile/logo")))
			.andExpect(jsonPath("$.paths", hasKey("/public/portals/{slug}")))
			.andExpect(jsonPath("$.paths", hasKey("/public/portals/{slug}/logo")))
			.andExpect(jsonPath("$.paths", hasKey("/api/projects/{projectId}/customer-portal-menu")))
			.andExpect(jsonPath("$.paths", hasKey("/api/projects/{projectId}/customer-portal-link")))
			.andExpect(jsonPath("$.servers[0].url").value("/"))
			// The client's pages are HTML, not part of the API.
			.andExpect(jsonPath("$.paths['/p/{slug}/l/{token}']").doesNotExist())
			.andExpect(jsonPath("$.paths['/p/{slug}/theme.css']").doesNotExist());
		this.mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isUnauthorized());
	}
}
