package com.coastline.platform.web.problem;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Writes a problem straight to a servlet response, for code that runs before Spring MVC (the
 * security filter chain's 401 and 403). Headers already set on the response are kept.
 */
public class ProblemResponseWriter {

	private final JacksonJsonHttpMessageConverter converter;

	/** @param jsonMapper the application's mapper; ProblemDetail's mix-in is added to a copy */
	public ProblemResponseWriter(JsonMapper jsonMapper) {
		this.converter = new JacksonJsonHttpMessageConverter(jsonMapper.rebuild());
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		response.setStatus(problem.getStatus());
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		this.converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
		output.flush();
	}
}
