package com.coastline.local;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The one-tap portal link in an automation's email, and what the portal gateway does with it: redeem
 * the token at identity-service ({@code POST /internal/links/redeem}, client {@code portal-gateway}, scope
 * {@code gateway}) for a new portal session.
 */
final class PortalLinkInEmail {

	/** identity-service's link URLs: the portal's base URL, the workspace's slug, {@code /l/} and the token. */
	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/l/([A-Za-z0-9_\\-.~%]+)(\\?[^\\s\"<>]*)?");

	private PortalLinkInEmail() {
	}

	/** The only portal link in the email's text; fails if there is none or more than one. */
	static String url(String text) {
		Matcher matcher = LINK.matcher(text);
		List<String> links = matcher.results().map(found -> found.group()).distinct().toList();
		if (links.size() != 1) {
			throw new AssertionError("Expected one portal link in the email but found " + links.size() + ":\n" + text);
		}
		return links.get(0);
	}

	/** The link's token: what identity-service hashes and redeems, and what must never travel in clear. */
	static String token(String url) {
		Matcher matcher = LINK.matcher(url);
		if (!matcher.matches()) {
			throw new AssertionError("Not a portal link: " + url);
		}
		return matcher.group(1);
	}

	/** The portal session the link opens (201), as the portal gateway redeems it; fails on any other answer. */
	static JsonNode redeem(LocalStack stack, String url) {
		return redeemResponse(stack, url).require(201);
	}

	static Api.Response redeemResponse(LocalStack stack, String url) {
		String identity = stack.url(Service.IDENTITY);
		Api gateway = Api.portalGateway(identity);
		return gateway.post(identity + "/internal/links/redeem",
				Map.of("token", token(url), "ip", "203.0.113.7", "userAgent", "coastline-e2e-test"),
				gateway.token("gateway"));
	}
}
