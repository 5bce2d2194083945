package com.coastline.backoffice.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A real CSRF token as a browser gets it: the CSRF cookie and the token of the sign-in page's {@code _csrf} meta
 * tag, sent back as the {@code X-CSRF-TOKEN} header (the back-office scripts' way) or as the forms' {@code _csrf}
 * field. (Spring Security Test's {@code csrf()} would replace the gateway's token repository for the rest of the
 * shared context.)
 */
public final class CsrfTokens {

	private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

	private CsrfTokens() {
	}

	public static CsrfToken fetch(MockMvc mvc) throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/sign-in")).andReturn().getResponse();
		Cookie cookie = page.getCookie("__Host-coastline-staff-csrf");
		Matcher token = META.matcher(page.getContentAsString());
		if (cookie == null || !token.find()) {
			throw new AssertionError("The sign-in page set no CSRF cookie or token");
		}
		return new CsrfToken(cookie, token.group(1));
	}

	/**
	 * @param cookie the CSRF cookie
	 * @param token the token of the page
	 */
	public record CsrfToken(Cookie cookie, String token) {

		/** As an API call sends it: the cookie and the {@code X-CSRF-TOKEN} header. */
		public RequestPostProcessor asHeader() {
			return (request) -> {
				request.setCookies(add(request.getCookies(), this.cookie));
				request.addHeader("X-CSRF-TOKEN", this.token);
				return request;
			};
		}

		/** As a form sends it: the cookie and the {@code _csrf} field. */
		public RequestPostProcessor asField() {
			return (request) -> {
				request.setCookies(add(request.getCookies(), this.cookie));
				request.addParameter("_csrf", this.token);
				return request;
			};
		}

		private static Cookie[] add(Cookie[] cookies, Cookie cookie) {
			if (cookies == null) {
				return new Cookie[] { cookie };
			}
			Cookie[] all = java.util.Arrays.copyOf(cookies, cookies.length + 1);
			all[cookies.length] = cookie;
			return all;
		}
	}
}
