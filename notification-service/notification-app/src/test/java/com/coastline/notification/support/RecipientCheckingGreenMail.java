package com.coastline.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on a fixed port, so that it can be stopped and started again under the
 * application's feet, that answers {@code RCPT TO} like a production server would for some mailboxes:
 * {@code 550} (permanent) for local parts starting with {@value #UNKNOWN}, {@code 451} (greylisting,
 * temporary) for those starting with {@value #GREYLISTED}. GreenMail accepts every recipient by itself;
 * its {@link SmtpManager#checkRecipient} hook is where a server refuses one. It counts every
 * {@code RCPT TO} per address, so that a test can tell that no attempt at all was made.
 */
public final class RecipientCheckingGreenMail extends GreenMail {

	public static final String UNKNOWN = "unknown";

	public static final String GREYLISTED = "greylisted";

	private static final Map<String, AtomicInteger> RCPT = new ConcurrentHashMap<>();

	public RecipientCheckingGreenMail(int port) {
		super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/** A port nobody listens on right now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many times a client named this address in {@code RCPT TO}, accepted or not. */
	public int recipientCommands(String address) {
		AtomicInteger count = RCPT.get(address.toLowerCase(Locale.ROOT));
		return count == null ? 0 : count.get();
	}

	@Override
	protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers ignored) {
		managers = new RecipientCheckingManagers();
		return super.createServices(config, managers);
	}

	private static final class RecipientCheckingManagers extends Managers {

		private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {

			@Override
			public String checkRecipient(SmtpState state, MailAddress address) {
				RCPT.computeIfAbsent(address.getEmail().toLowerCase(Locale.ROOT), a -> new AtomicInteger()).incrementAndGet();
				String local = address.getUser();
				if (local.startsWith(UNKNOWN)) {
					return "550 5.1.1 <" + address.getEmail() + ">: Recipient address rejected: User unknown";
				}
				if (local.startsWith(GREYLISTED)) {
					return "451 4.7.1 <" + address.getEmail() + ">: Greylisted, please try again later";
				}
				return super.checkRecipient(state, address);
			}
		};

		@Override
		public SmtpManager getSmtpManager() {
			return smtp;
		}
	}
}
