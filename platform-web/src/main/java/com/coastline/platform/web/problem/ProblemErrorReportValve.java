package com.coastline.platform.web.problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's answer to requests it refuses before they reach the application (a header over the size
 * limit, a malformed request line): an RFC 9457 problem like every other error, instead of an HTML page
 * that names the server. The detail is fixed text: nothing of the refused request is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemType type = typeOf(status);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
						+ ",\"detail\":\"The server could not accept this request.\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or already answered: there is no one left to tell.
		}
	}

	private static ProblemType typeOf(int status) {
		return Arrays.stream(ProblemType.values())
			.filter(type -> type.status().value() == status)
			.findFirst()
			.orElse((status >= 500) ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST);
	}
}
