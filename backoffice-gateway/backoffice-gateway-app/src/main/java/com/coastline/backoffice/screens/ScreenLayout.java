package com.coastline.backoffice.screens;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.signin.Identity;
import com.coastline.backoffice.signin.IdentityUnavailableException;
import com.coastline.backoffice.signin.StaffToken;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The layout's model for every screen that renders a page (not for redirects): the member's email and the
 * workspace's name for the header ({@code backoffice/fragments :: nav(active)}). Screens are never cached. A
 * workspace name identity cannot give right now is not worth failing the page for: the header then says "Back
 * office".
 * <p>
 * The name is read from identity once per workspace and reused for {@link #NAME_REUSE} (by this replica), so a
 * member going from screen to screen does not cost identity a call each; a renamed workspace shows within that
 * minute. Only a name identity gave is kept: after a failure or a 4xx the next screen asks again.
 */
@Component
public class ScreenLayout implements HandlerInterceptor {

	/** How long a workspace's name is reused before identity is asked again. */
	static final Duration NAME_REUSE = Duration.ofSeconds(60);

	private static final int MAX_WORKSPACES = 10_000;

	private static final String SCREENS = ScreenLayout.class.getPackageName();

	private final ObjectProvider<StaffPages> pages;

	private final ObjectProvider<Identity> identity;

	private final Cache<UUID, String> workspaceNames;

	/**
	 * Interceptors are made while Spring MVC is set up, before the test's and the environment's late properties
	 * are known: the sign-in clients they lead to are looked up when a page is rendered, not here.
	 */
	@Autowired
	ScreenLayout(ObjectProvider<StaffPages> pages, ObjectProvider<Identity> identity) {
		this(pages, identity, Ticker.systemTicker());
	}

	/** With the ticker the names' reuse is measured by (tests move it). */
	ScreenLayout(ObjectProvider<StaffPages> pages, ObjectProvider<Identity> identity, Ticker ticker) {
		this.pages = pages;
		this.identity = identity;
		this.workspaceNames = Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterWrite(NAME_REUSE)
			.maximumSize(MAX_WORKSPACES)
			.build();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (isScreen(handler)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page != null && isScreen(handler) && (page.getViewName() == null
				|| !page.getViewName().startsWith("redirect:"))) {
			addTo(page.getModelMap(), request);
		}
	}

	/** Adds the header's model (the error pages call it themselves). */
	public void addTo(ModelMap model, HttpServletRequest request) {
		try {
			this.pages.getObject().signedIn(request).ifPresent((token) -> {
				model.addAttribute("email", token.email());
				workspaceName(token).ifPresent((name) -> model.addAttribute("workspace", name));
			});
		}
		catch (IdentityUnavailableException ex) {
			// The header falls back to "Back office"; the page itself does not depend on the name.
		}
	}

	/**
	 * The workspace's name, reused for a while; the member's own token reads it, and any member of the workspace
	 * may see it. A name identity could not give is not kept (the loader's null), nor is a failure.
	 */
	private Optional<String> workspaceName(StaffToken token) {
		return Optional.ofNullable(this.workspaceNames.get(token.workspaceId(),
				(workspaceId) -> this.identity.getObject().workspaceName(token).orElse(null)));
	}

	private static boolean isScreen(Object handler) {
		return handler instanceof HandlerMethod method && method.getBeanType().getPackageName().startsWith(SCREENS);
	}
}
