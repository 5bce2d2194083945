package com.coastline.identity.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.IdentityTokens;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.portal.api.PortalActivated;
import com.coastline.portal.api.PortalDeactivated;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.api.PortalTopics;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.ProjectTopics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.identity.IdentityTokens.bearer;
import static com.coastline.identity.IdentityTokens.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the portal tests do around identity: contact events published as project-service publishes
 * them, portal state events as portal-service publishes them, links issued through the back-office API,
 * and the portal gateway's calls.
 */
final class Portal {

	static final Duration EVENTUALLY = Duration.ofSeconds(30);

	static final String GATEWAY = "portal-gateway";

	static final String GATEWAY_SECRET = "local-portal-gateway-secret";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final MockMvcTester mvc;

	final IdentityTokens tokens;

	final JdbcTemplate jdbc;

	final TopicRecords topics;

	final WorkspaceRegistry workspaces;

	Portal(MockMvcTester mvc, IdentityTokens tokens, JdbcTemplate jdbc, String bootstrapServers,
			WorkspaceRegistry workspaces) {
		this.mvc = mvc;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.topics = new TopicRecords(bootstrapServers);
		this.workspaces = workspaces;
	}

	UUID workspace() {
		return this.workspaces.create("Summit Roofing", ZoneId.of("America/Denver"), Currency.getInstance("USD")).getId();
	}

	/** A contact of the workspace, known to identity (its ContactUpserted consumed). */
	UUID contact(UUID workspace) {
		UUID contact = UUID.randomUUID();
		upsert(workspace, contact, "Dana.Reyes+" + contact.toString().substring(0, 8) + "@Example.com ", 1);
		return contact;
	}

	void upsert(UUID workspace, UUID contact, String email, long version) {
		ContactUpserted event = new ContactUpserted(UUID.randomUUID(), workspace, contact, "Dana", "Reyes", email, null,
				version, Instant.now());
		publish(ProjectTopics.CONTACT_UPSERTED, contact, event.eventId(), event);
	}

	void archive(UUID workspace, UUID contact, long version) {
		ContactArchived event = new ContactArchived(UUID.randomUUID(), workspace, contact, version, Instant.now());
		publish(ProjectTopics.CONTACT_ARCHIVED, contact, event.eventId(), event);
	}

	private void publish(String type, UUID contact, UUID eventId, Object event) {
		this.topics.send(ProjectTopics.EVENTS, contact.toString(), JSON.writeValueAsString(event),
				Map.of("ce_id", eventId.toString(), "ce_type", type, "ce_source", "/project-service", "ce_specversion",
						"1.0", "ce_time", Instant.now().toString(), "ce_subject", contact.toString(), "content-type",
						"application/json"));
		awaitProcessed(eventId);
	}

	/** portal-service turns the workspace's portal on at this version; returns once identity handled it. */
	UUID activatePortal(UUID workspace, long version) {
		PortalActivated event = new PortalActivated(UUID.randomUUID(), workspace, "summit-roofing", "staff-1",
				Instant.now(), version);
		sendPortalEvent(PortalTopics.PORTAL_ACTIVATED, workspace, event.eventId(), JSON.writeValueAsString(event));
		awaitProcessed(event.eventId());
		return event.eventId();
	}

	/** portal-service announces the workspace's portal address at this version; returns once identity handled it. */
	void portalAddress(UUID workspace, String slug, long version) {
		PortalProfileChanged event = new PortalProfileChanged(UUID.randomUUID(), workspace, slug, "Summit Roofing",
				"#0b5cad", null, null, null, null, true, version, Instant.now());
		sendPortalEvent(PortalTopics.PORTAL_PROFILE_CHANGED, workspace, event.eventId(), JSON.writeValueAsString(event));
		awaitProcessed(event.eventId());
	}

	/** portal-service turns the workspace's portal off at this version; returns once identity handled it. */
	UUID deactivatePortal(UUID workspace, long version) {
		return deactivatePortal(UUID.randomUUID(), workspace, version);
	}

	UUID deactivatePortal(UUID eventId, UUID workspace, long version) {
		PortalDeactivated event = new PortalDeactivated(eventId, workspace, "summit-roofing", "staff-1", Instant.now(),
				version);
		sendPortalEvent(PortalTopics.PORTAL_DEACTIVATED, workspace, eventId, JSON.writeValueAsString(event));
		awaitProcessed(eventId);
		return eventId;
	}

	/** A record on {@code portal.events} as portal-service sends them (keyed by workspace), not waited for. */
	void sendPortalEvent(String type, UUID key, UUID eventId, String payload) {
		this.topics.send(PortalTopics.EVENTS, key.toString(), payload,
				Map.of("ce_id", eventId.toString(), "ce_type", type, "ce_source", "/portal-service", "ce_specversion",
						"1.0", "ce_time", Instant.now().toString(), "content-type", "application/json"));
	}

	void awaitProcessed(UUID eventId) {
		await().atMost(EVENTUALLY)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from processed_message where consumer_group = 'identity-service' and message_id = ?",
					Integer.class, eventId.toString()) == 1);
	}

	String staff(UUID workspace) {
		return this.tokens.staff(workspace, "owner");
	}

	String gateway() {
		return this.tokens.clientCredentials(GATEWAY, GATEWAY_SECRET, Map.of());
	}

	MvcTestResult issue(String token, UUID contact, String body, String idempotencyKey) {
		return issue(token, contact, body, idempotencyKey, null);
	}

	/** {@link #issue(String, UUID, String, String)} with an {@code Idempotency-Fence} header unless null. */
	MvcTestResult issue(String token, UUID contact, String body, String idempotencyKey, Object fence) {
		var request = this.mvc.post()
			.uri("/api/contacts/{contact}/links", contact)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		if (fence != null) {
			request.header("Idempotency-Fence", fence);
		}
		return request.exchange();
	}

	/** A link issued by staff of the workspace: {id, url, token, expiresAt}. */
	JsonNode link(UUID workspace, UUID contact) {
		MvcTestResult result = issue(staff(workspace), contact, "{}", null);
		assertThat(result).hasStatus(201);
		return read(result);
	}

	MvcTestResult get(String token, String uri, Object... variables) {
		return this.mvc.get().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}

	MvcTestResult delete(String token, String uri, Object... variables) {
		return this.mvc.delete().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}

	MvcTestResult gatewayCall(String path, Object body) {
		return gatewayCall(gateway(), path, body);
	}

	MvcTestResult gatewayCall(String token, String path, Object body) {
		return this.mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))
			.exchange();
	}

	MvcTestResult redeem(String linkToken) {
		return redeem(linkToken, "203.0.113.7", "Mozilla/5.0 (iPhone)");
	}

	MvcTestResult redeem(String linkToken, String ip, String userAgent) {
		Map<String, Object> body = new HashMap<>();
		body.put("token", linkToken);
		body.put("ip", ip);
		body.put("userAgent", userAgent);
		return gatewayCall("/internal/links/redeem", body);
	}

	/** Redeems a token that must work; the new session's secret id. */
	String session(String linkToken) {
		MvcTestResult result = redeem(linkToken);
		assertThat(result).hasStatus(201);
		return read(result).get("sessionId").asString();
	}

	MvcTestResult exchange(String sessionId) {
		return gatewayCall("/internal/sessions/token", Map.of("sessionId", sessionId));
	}

	static void assertProblem(MvcTestResult result, ProblemType type) {
		assertThat(result).hasStatus(type.status()).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(read(result).get("type").asString()).isEqualTo(type.type().toString());
	}
}
