package com.coastline.platform.test.infra;

import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail SMTP servers that answer as fast as a real mail server does.
 * <p>
 * GreenMail writes a multi-line reply (the EHLO answer) one line per write with Nagle's algorithm on, so
 * the second line waits for the client to acknowledge the first, and the client, which is waiting for the
 * whole reply, delays that acknowledgement by 40 ms (Linux). Every email cost 44 ms in EHLO alone (measured
 * on loopback, 0.4 ms without Nagle); a mail server such as Postfix sends the reply at once. The servers made
 * here turn Nagle off on each accepted connection.
 */
public final class SmtpServers {

	private SmtpServers() {
	}

	/** A started-later GreenMail with SMTP only, as configured by {@code setup}. */
	public static GreenMail greenMail(ServerSetup setup) {
		return new GreenMail(setup) {
			@Override
			protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
				Map<String, AbstractServer> services = new HashMap<>();
				for (ServerSetup server : config) {
					if (!ServerSetup.PROTOCOL_SMTP.equals(server.getProtocol())) {
						throw new IllegalArgumentException("Only SMTP is offered here, not " + server.getProtocol());
					}
					services.put(server.getProtocol(), new NoDelaySmtpServer(server, managers));
				}
				return services;
			}
		};
	}

	private static final class NoDelaySmtpServer extends SmtpServer {

		NoDelaySmtpServer(ServerSetup setup, Managers managers) {
			super(setup, managers);
		}

		@Override
		protected void handleClientSocket(Socket socket) throws SocketException {
			socket.setTcpNoDelay(true);
			super.handleClientSocket(socket);
		}
	}
}
