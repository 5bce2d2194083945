package com.coastline.backoffice.routing;

import java.util.Optional;

import com.coastline.backoffice.signin.IdentityUnavailableException;
import com.coastline.backoffice.signin.StaffToken;
import com.coastline.backoffice.signin.StaffTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The staff session cookie swapped for a short-lived staff JWT ({@code Authorization: Bearer}) on every routed
 * call; no live staff session (none, ended, a client's portal session, a removed member: identity tells them
 * apart, the gateway does not) → 401 problem and nothing is forwarded. The browser's own credentials stay here:
 * its cookies, any {@code Authorization} it sent and the CSRF header are not passed on.
 */
final class StaffTokenRelay implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	static final String CSRF_HEADER = "X-CSRF-TOKEN";

	private final StaffTokens tokens;

	StaffTokenRelay(StaffTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		Optional<StaffToken> token;
		try {
			token = this.tokens.current(request.servletRequest());
		}
		catch (IdentityUnavailableException ex) {
			return Problems.unavailable("identity");
		}
		if (token.isEmpty()) {
			return Problems.unauthorized();
		}
		ServerRequest relayed = ServerRequest.from(request).headers((headers) -> {
			headers.remove(HttpHeaders.COOKIE);
			headers.remove(CSRF_HEADER);
			headers.setBearerAuth(token.get().accessToken());
		}).build();
		return next.handle(relayed);
	}
}
