package com.coastline.platform.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.problem.ProblemType;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem, with the bearer {@code WWW-Authenticate: … insufficient_scope} header. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

	private final ProblemResponseWriter writer;

	public ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearer.handle(request, response, accessDeniedException);
		this.writer.write(request, response, ProblemType.FORBIDDEN.problem("The token does not allow this request."));
	}
}
