package com.coastline.platform.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.problem.ProblemType;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as a problem. The standard bearer entry point still sets the status and the
 * {@code WWW-Authenticate} header (RFC 6750); the body adds a problem without the decoder's reason,
 * which stays in the header's {@code error_description} for the calling service's logs.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ProblemResponseWriter writer;

	public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearer.commence(request, response, authException);
		// A malformed Authorization header is a 400 (RFC 6750 invalid_request); keep that status.
		if (response.getStatus() == HttpStatus.BAD_REQUEST.value()) {
			this.writer.write(request, response, ProblemType.BAD_REQUEST.problem("The Authorization header is malformed."));
		}
		else if (response.getStatus() == HttpStatus.FORBIDDEN.value()) {
			this.writer.write(request, response, ProblemType.FORBIDDEN.problem("The token does not allow this request."));
		}
		else {
			this.writer.write(request, response, ProblemType.UNAUTHORIZED.problem("A valid bearer token is required."));
		}
	}
}
