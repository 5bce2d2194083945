package com.coastline.backoffice.signin;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The workspaces' names as the back office's pages show them (the screens' header, the signed-in landing page):
 * read from identity ({@link Identity#workspaceName(StaffToken)}, with the member's own token) once per workspace
 * and reused for {@link #REUSE} by this replica (Caffeine, at most {@value #MAX_WORKSPACES} workspaces), so going
 * from page to page does not cost identity a call each; a renamed workspace shows within that minute. Any member
 * of the workspace may see its name. Only a name identity gave is kept: after a 4xx (nothing to keep) or a failure
 * ({@link IdentityUnavailableException}, passed on) the next page asks again.
 */
@Component
public class WorkspaceNames {

	/** How long a workspace's name is reused before identity is asked again. */
	public static final Duration REUSE = Duration.ofSeconds(60);

	private static final int MAX_WORKSPACES = 10_000;

	private final ObjectProvider<Identity> identity;

	private final Cache<UUID, String> names;

	/**
	 * identity's client is looked up on the first name asked for, not here: the screens' interceptor that uses
	 * this is made while Spring MVC is set up, before the late properties the client needs are known.
	 */
	@Autowired
	WorkspaceNames(ObjectProvider<Identity> identity) {
		this(identity, Ticker.systemTicker());
	}

	/** With the ticker the names' reuse is measured by (tests move it). */
	public WorkspaceNames(ObjectProvider<Identity> identity, Ticker ticker) {
		this.identity = identity;
		this.names = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(REUSE).maximumSize(MAX_WORKSPACES).build();
	}

	/**
	 * The token's workspace's name, reused for a while; empty when identity could not give one.
	 * @throws IdentityUnavailableException when identity is down (nothing is kept)
	 */
	public Optional<String> of(StaffToken token) {
		return Optional.ofNullable(this.names.get(token.workspaceId(),
				(workspaceId) -> this.identity.getObject().workspaceName(token).orElse(null)));
	}
}
