package com.coastline.identity.portal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

import com.coastline.identity.workspace.Workspace;
import com.coastline.identity.workspace.WorkspaceRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds one-tap link URLs from the configured public base URL of the portal (never from a request's
 * Host) and the workspace's portal address: {@code <base><slug>/l/<token>[?project=<id>]}. The slug is
 * the address portal-service announced ({@code PortalProfileChanged}, table {@code portal_address}); for a
 * workspace that has none yet, a provisional one: the workspace's name in lower-case ASCII words joined by
 * dashes, followed by the first 8 hex digits of its id (names are not unique).
 */
@Component
public class PortalUrls {

	private static final int MAX_NAME = 40;

	private final String baseUrl;

	private final WorkspaceRegistry workspaces;

	private final JdbcTemplate jdbc;

	PortalUrls(@Value("${coastline.identity.portal-base-url:http://localhost:8080/p/}") String baseUrl,
			WorkspaceRegistry workspaces, JdbcTemplate jdbc) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
		this.workspaces = workspaces;
		this.jdbc = jdbc;
	}

	public String link(UUID workspaceId, String token, UUID projectId) {
		String url = this.baseUrl + slug(workspaceId) + "/l/" + token;
		return (projectId != null) ? url + "?project=" + projectId : url;
	}

	String slug(UUID workspaceId) {
		return this.jdbc.queryForList("select slug from portal_address where workspace_id = ?", String.class, workspaceId)
			.stream()
			.findFirst()
			.orElseGet(() -> provisionalSlug(workspaceId));
	}

	private String provisionalSlug(UUID workspaceId) {
		String shortId = workspaceId.toString().substring(0, 8);
		String name = this.workspaces.find(workspaceId).map(Workspace::getName).map(PortalUrls::words).orElse("");
		return name.isEmpty() ? shortId : name + "-" + shortId;
	}

	static String words(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
		if (slug.length() > MAX_NAME) {
			slug = slug.substring(0, MAX_NAME).replaceAll("-+$", "");
		}
		return slug;
	}
}
