package com.coastline.backoffice.routing;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The request body as a route passes it on (streamed by {@link ServiceProxies}). A multipart body larger than
 * {@link RoutingProperties#maxUploadSize()} (media-service's own request limit), by its {@code Content-Length}, is
 * refused with a 413 problem before anything is forwarded, instead of being streamed to the service only to be cut
 * off there; a body of unknown length (chunked) is passed on, and the service's own limit applies. A request
 * without a body (no {@code Content-Length} or 0, not chunked) is passed on without one, rather than as an empty
 * chunked body. The body itself is never read here.
 */
final class RequestBodies implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private final DataSize max;

	RequestBodies(DataSize max) {
		this.max = max;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		HttpServletRequest servlet = request.servletRequest();
		long length = servlet.getContentLengthLong();
		if (length > this.max.toBytes() && isMultipart(servlet)) {
			return Problems.contentTooLarge(this.max);
		}
		if (length <= 0 && servlet.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			return next.handle(ServerRequest.create(new WithoutBody(servlet), request.messageConverters()));
		}
		return next.handle(request);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		try {
			return type != null && MediaType.parseMediaType(type).getType().equalsIgnoreCase("multipart");
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The request, with a body that is already read to its end (so the proxy sends none). */
	private static final class WithoutBody extends HttpServletRequestWrapper {

		private static final ServletInputStream EMPTY = new ServletInputStream() {

			@Override
			public boolean isFinished() {
				return true;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				try {
					listener.onAllDataRead();
				}
				catch (IOException ex) {
					listener.onError(ex);
				}
			}

			@Override
			public int read() {
				return -1;
			}
		};

		WithoutBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() {
			return EMPTY;
		}
	}
}
