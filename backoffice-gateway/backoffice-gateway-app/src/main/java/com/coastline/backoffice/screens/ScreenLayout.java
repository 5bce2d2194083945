package com.coastline.backoffice.screens;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.signin.Identity;
import com.coastline.backoffice.signin.IdentityUnavailableException;
import com.coastline.backoffice.signin.WorkspaceNames;
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
 * The name comes from {@link WorkspaceNames}, which reads it from identity once per workspace and reuses it for a
 * minute (by this replica), shared with the signed-in landing page: a member going from page to page does not cost
 * identity a call each; a renamed workspace shows within that minute. Only a name identity gave is kept: after a
 * failure or a 4xx the next screen asks again.
 */
@Component
public class ScreenLayout implements HandlerInterceptor {

	private static final String SCREENS = ScreenLayout.class.getPackageName();

	private final ObjectProvider<StaffPages> pages;

	private final Supplier<WorkspaceNames> names;

	/**
	 * Interceptors are made while Spring MVC is set up, before the test's and the environment's late properties
	 * are known: the sign-in clients they lead to are looked up when a page is rendered, not here.
	 */
	@Autowired
	ScreenLayout(ObjectProvider<StaffPages> pages, ObjectProvider<WorkspaceNames> names) {
		this.pages = pages;
		this.names = names::getObject;
	}

	/** With names of its own, their reuse measured by this ticker (tests move it). */
	ScreenLayout(ObjectProvider<StaffPages> pages, ObjectProvider<Identity> identity, Ticker ticker) {
		this.pages = pages;
		WorkspaceNames own = new WorkspaceNames(identity, ticker);
		this.names = () -> own;
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
				this.names.get().of(token).ifPresent((name) -> model.addAttribute("workspace", name));
			});
		}
		catch (IdentityUnavailableException ex) {
			// The header falls back to "Back office"; the page itself does not depend on the name.
		}
	}

	private static boolean isScreen(Object handler) {
		return handler instanceof HandlerMethod method && method.getBeanType().getPackageName().startsWith(SCREENS);
	}
}
