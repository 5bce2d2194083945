package com.coastline.backoffice.support;

import java.util.Arrays;
import java.util.UUID;

import com.coastline.backoffice.routing.BackOfficeService;
import com.coastline.backoffice.support.IdentityStub.StaffMember;
import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The screens' tests' signed-in member: a live staff session of a new member (and workspace) at
 * {@link IdentityStub}, its session cookie as the browser sends it, a project of the member's workspace that
 * project-service answers ({@link ScreenStubs}), and the forms' way of posting: the session cookie with a real
 * CSRF token as the form's field ({@link CsrfTokens}). Every member is new, so tests sharing the stubs' servers do
 * not disturb each other.
 */
public final class SignedInScreens {

	/** The staff session cookie's name. */
	public static final String SESSION_COOKIE = "__Host-coastline-staff-session";

	private SignedInScreens() {
	}

	/** A new member with a live session, in a new workspace named "Harbour Roofing". */
	public static StaffMember member() {
		return IdentityStub.staffSession("staff-" + UUID.randomUUID() + "@harbour.test", "Harbour Roofing");
	}

	/** The member's session cookie. */
	public static Cookie session(StaffMember member) {
		return new Cookie(SESSION_COOKIE, member.sessionId());
	}

	/** A new project "Roof repair" of the member's workspace in this status, with a primary contact. */
	public static UUID project(StaffMember member, String status) {
		return project(member, status, UUID.randomUUID());
	}

	/** A new project "Roof repair" of the member's workspace in this status, without a primary contact. */
	public static UUID projectWithoutContact(StaffMember member, String status) {
		return project(member, status, null);
	}

	/** A new approved project "Roof repair" of the member's workspace. */
	public static UUID project(StaffMember member) {
		return project(member, "APPROVED");
	}

	/**
	 * A form as the member's browser posts it: the session cookie, and a CSRF token fetched as the browser gets
	 * it, as the {@code _csrf} field.
	 */
	public static RequestPostProcessor formOf(MockMvc mvc, StaffMember member) throws Exception {
		RequestPostProcessor csrf = CsrfTokens.fetch(mvc).asField();
		Cookie session = session(member);
		return (request) -> {
			Cookie[] cookies = request.getCookies();
			request.setCookies((cookies != null) ? append(cookies, session) : new Cookie[] { session });
			return csrf.postProcessRequest(request);
		};
	}

	private static UUID project(StaffMember member, String status, UUID primaryContact) {
		UUID project = UUID.randomUUID();
		ScreenStubs.answer(BackOfficeService.PROJECT, member, "GET", "/api/projects/" + project, 200,
				ScreenStubs.project(project, "Roof repair", status, primaryContact));
		return project;
	}

	private static Cookie[] append(Cookie[] cookies, Cookie cookie) {
		Cookie[] all = Arrays.copyOf(cookies, cookies.length + 1);
		all[cookies.length] = cookie;
		return all;
	}
}
