package com.coastline.project;

import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Calls the portal API as one contact of one workspace, with a client token like the portal gateway's. */
public final class PortalClient {

	private final MockMvcTester mvc;

	private final UUID workspace;

	private final UUID contact;

	public PortalClient(MockMvcTester mvc, UUID workspace, UUID contact) {
		this.mvc = mvc;
		this.workspace = workspace;
		this.contact = contact;
	}

	public UUID contact() {
		return this.contact;
	}

	public String bearer() {
		return TestTokens.client(this.workspace, this.contact).bearer();
	}

	public MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer()).exchange();
	}
}
