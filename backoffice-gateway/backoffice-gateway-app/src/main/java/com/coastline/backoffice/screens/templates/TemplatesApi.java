package com.coastline.backoffice.screens.templates;

import java.util.List;
import java.util.UUID;

import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.signin.StaffToken;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * automation-service's email template library and dynamic-value catalog, as the template pages use them; every
 * call with the member's staff JWT through {@link ServiceCalls} (automation-service's README has the fields).
 */
@Component
class TemplatesApi {

	private final ServiceCalls calls;

	TemplatesApi(ServiceCalls calls) {
		this.calls = calls;
	}

	List<Template> templates(StaffToken token) {
		return this.calls.list(token, Service.AUTOMATION, new ParameterizedTypeReference<>() {
		}, "/api/email-templates");
	}

	Template template(StaffToken token, UUID id) {
		return this.calls.get(token, Service.AUTOMATION, Template.class, "/api/email-templates/{id}", id);
	}

	Template create(StaffToken token, TemplateRequest request) {
		return this.calls.send(token, Service.AUTOMATION, HttpMethod.POST, request, Template.class,
				"/api/email-templates");
	}

	Template change(StaffToken token, UUID id, TemplateRequest request) {
		return this.calls.send(token, Service.AUTOMATION, HttpMethod.PUT, request, Template.class,
				"/api/email-templates/{id}", id);
	}

	void delete(StaffToken token, UUID id) {
		this.calls.send(token, Service.AUTOMATION, HttpMethod.DELETE, null, Void.class, "/api/email-templates/{id}",
				id);
	}

	List<DynamicValue> dynamicValues(StaffToken token) {
		return this.calls.list(token, Service.AUTOMATION, new ParameterizedTypeReference<>() {
		}, "/api/dynamic-values");
	}

	/** A template of the workspace's library; {@code starter} is set on the workspace's copy of a starter. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Template(UUID id, String name, String subject, String body, String suggestedTrigger, String starter,
			Long version) {

		public boolean isStarter() {
			return this.starter != null && !this.starter.isBlank();
		}
	}

	/** The body of {@code POST /api/email-templates} and {@code PUT} ({@code version} set). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TemplateRequest(String name, String subject, String body, String suggestedTrigger, Long version) {
	}

	/** One value of the dynamic-value catalog: {@code token} is what goes into the text. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DynamicValue(String name, String token, String label, String description) {
	}
}
