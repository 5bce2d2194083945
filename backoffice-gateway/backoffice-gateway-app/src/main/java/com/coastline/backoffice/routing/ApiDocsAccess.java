package com.coastline.backoffice.routing;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.signin.IdentityUnavailableException;
import com.coastline.backoffice.signin.StaffToken;
import com.coastline.backoffice.signin.StaffTokens;
import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.problem.ProblemType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Swagger UI (springdoc) at {@value #UI}: one view of the services' OpenAPI documents, each read through its route
 * {@code /api-docs/{service}} ({@link RoutingConfiguration}), with a service picker at the top. For signed-in staff
 * only: without a live staff session the page and the UI's files ({@value #UI_FILES}…, the webjar, served from this
 * origin) redirect to sign-in like the other pages, and the UI's configuration ({@value #UI_CONFIG}, the list of
 * documents) answers a 401 problem. The gateway's own springdoc document ({@value #OWN_DOCS}, {@code .yaml}, groups)
 * is not served (404 problem): springdoc serves the UI's configuration only while its document is on, so this is
 * where it is closed. Its collaborators are looked up on the first request: the web server builds its filters
 * before the rest of the context.
 */
final class ApiDocsAccess extends OncePerRequestFilter {

	/** springdoc.swagger-ui.path: redirects to the UI's page. */
	static final String UI = "/api-docs";

	/** The prefix of the UI's page and files ({@code /swagger-ui/index.html}, …). */
	static final String UI_FILES = "/swagger-ui";

	/** The UI's configuration: the services' documents. */
	static final String UI_CONFIG = "/v3/api-docs/swagger-config";

	/** springdoc's own document of the gateway. */
	static final String OWN_DOCS = "/v3/api-docs";

	private final ObjectProvider<StaffTokens> tokens;

	private final ObjectProvider<ProblemResponseWriter> problems;

	ApiDocsAccess(ObjectProvider<StaffTokens> tokens, ObjectProvider<ProblemResponseWriter> problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !path.equals(UI) && !path.startsWith(UI_FILES) && !path.startsWith(OWN_DOCS);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = path(request);
		if (path.startsWith(OWN_DOCS) && !path.equals(UI_CONFIG)) {
			this.problems.getObject().write(request, response, ProblemType.NOT_FOUND.problem("No page has this address."));
			return;
		}
		Optional<StaffToken> staff;
		try {
			staff = this.tokens.getObject().current(request);
		}
		catch (IdentityUnavailableException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "10");
			this.problems.getObject().write(request, response, Problems.unavailableProblem("identity"));
			return;
		}
		if (staff.isEmpty()) {
			if (path.equals(UI_CONFIG)) {
				this.problems.getObject()
					.write(request, response, ProblemType.UNAUTHORIZED.problem("Sign in to the back office."));
			}
			else {
				response.sendRedirect(request.getContextPath() + "/sign-in");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
