package com.coastline.notification.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** What an SMTP server (GreenMail) received, read as a recipient would. */
public final class Mailbox {

	private final GreenMail smtp;

	public Mailbox(GreenMail smtp) {
		this.smtp = smtp;
	}

	/** Emails received for this address. */
	public List<Email> to(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> isFor(message, address)).map(Email::read).toList();
	}

	/** The messages received for this address, as they arrived (for their MIME structure and headers). */
	public List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch(r -> r instanceof InternetAddress a && address.equalsIgnoreCase(a.getAddress()));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One received email. */
	public record Email(String to, String subject, String messageId, String text, String html) {

		static Email read(MimeMessage message) {
			try {
				Content content = new Content();
				content.collect(message);
				return new Email(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).toUnicodeString(),
						message.getSubject(), message.getMessageID(), content.text, content.html);
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static final class Content {

		String text;

		String html;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/plain") && text == null) {
				text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html") && html == null) {
				html = (String) part.getContent();
			}
			else if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					collect(body);
				}
			}
		}
	}
}
