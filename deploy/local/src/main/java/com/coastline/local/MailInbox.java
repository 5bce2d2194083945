package com.coastline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.coastline.platform.test.infra.SmtpServers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.HtmlUtils;

/**
 * A real SMTP server (GreenMail) with a web inbox: {@code /} lists what arrived, {@code /api/messages}
 * gives it as JSON (to, subject, text). The SMTP side can be taken down and brought back, as in an
 * outage; what arrived before stays in the inbox.
 */
public final class MailInbox implements AutoCloseable {

	static {
		// GreenMail parses every email it receives with jakarta.mail, which otherwise scans the class path for its
		// StreamProvider on each multipart and encoding stream (jakartaee/mail-api#861): see notification-service's
		// SmtpGateway. A value set at launch wins.
		if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
			System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	/** A received email as the inbox shows it. */
	public record Mail(String messageId, List<String> to, String from, String subject, String text, String html,
			Instant receivedAt) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int smtpPort;

	private final List<Mail> earlier = new ArrayList<>();

	private GreenMail smtp;

	private final HttpServer http;

	private MailInbox(int smtpPort, HttpServer http) {
		this.smtpPort = smtpPort;
		this.http = http;
	}

	public static MailInbox start(int smtpPort, int inboxPort) {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), inboxPort), 0);
			MailInbox inbox = new MailInbox(smtpPort, http);
			inbox.smtpUp();
			http.createContext("/api/messages", inbox::messages);
			http.createContext("/", inbox::page);
			http.start();
			return inbox;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the inbox on port " + inboxPort, ex);
		}
	}

	public int smtpPort() {
		return smtpPort;
	}

	public synchronized void smtpUp() {
		if (smtp == null) {
			smtp = SmtpServers.greenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
		}
	}

	/** The SMTP server stops accepting connections; the inbox keeps what it has. */
	public synchronized void smtpDown() {
		if (smtp != null) {
			earlier.addAll(received(smtp));
			smtp.stop();
			smtp = null;
		}
	}

	public synchronized List<Mail> mails() {
		List<Mail> all = new ArrayList<>(earlier);
		if (smtp != null) {
			all.addAll(received(smtp));
		}
		return all;
	}

	public List<Mail> mailsTo(String address) {
		return mails().stream().filter(mail -> mail.to().contains(address)).toList();
	}

	@Override
	public synchronized void close() {
		http.stop(0);
		if (smtp != null) {
			smtp.stop();
		}
	}

	private void messages(HttpExchange exchange) throws IOException {
		byte[] body = JSON.writeValueAsBytes(mails());
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private void page(HttpExchange exchange) throws IOException {
		StringBuilder rows = new StringBuilder();
		List<Mail> all = mails();
		for (int i = all.size() - 1; i >= 0; i--) {
			Mail mail = all.get(i);
			rows.append("<article><h2>").append(escape(mail.subject())).append("</h2><p class=meta>to ")
				.append(escape(String.join(", ", mail.to()))).append(" · from ").append(escape(mail.from()))
				.append(" · ").append(mail.receivedAt()).append("</p><pre>").append(escape(mail.text()))
				.append("</pre></article>");
		}
		String html = """
				<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local inbox</title>
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<style>body{font:15px system-ui,sans-serif;margin:2rem auto;max-width:52rem;padding:0 1rem;color:#1d2733}
				article{border:1px solid #d5dbe1;border-radius:8px;padding:1rem;margin:1rem 0}h2{margin:0 0 .25rem;font-size:1.1rem}
				.meta{color:#5b6b7b;margin:0 0 .5rem}pre{white-space:pre-wrap;font:inherit}</style></head>
				<body><h1>Local inbox (%d)</h1><p>Every email the local SMTP server received. JSON: <a href="/api/messages">/api/messages</a></p>%s</body></html>
				""".formatted(all.size(), all.isEmpty() ? "<p>No email yet.</p>" : rows);
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static List<Mail> received(GreenMail smtp) {
		return Arrays.stream(smtp.getReceivedMessages()).map(MailInbox::toMail).toList();
	}

	private static Mail toMail(MimeMessage message) {
		try {
			List<String> to = message.getAllRecipients() == null ? List.of()
					: Arrays.stream(message.getAllRecipients()).map(Address::toString).map(MailInbox::bareAddress).toList();
			String from = message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString();
			Map<String, String> parts = new java.util.HashMap<>();
			collect(message, parts);
			Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
					: message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
			return new Mail(message.getMessageID(), to, from, message.getSubject(), parts.getOrDefault("text/plain", ""),
					parts.getOrDefault("text/html", ""), received);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Unreadable email", ex);
		}
	}

	private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, parts);
			}
		}
		else if (content instanceof String text) {
			String type = part.isMimeType("text/html") ? "text/html" : "text/plain";
			parts.putIfAbsent(type, text);
		}
	}

	private static String bareAddress(String address) {
		int open = address.indexOf('<');
		return (open >= 0 ? address.substring(open + 1, address.indexOf('>', open)) : address).trim().toLowerCase();
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text);
	}
}
