package com.coastline.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.Mailbox;
import com.coastline.notification.support.NotificationServiceTest;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email as a mail client gets it from the SMTP server: its MIME structure, headers and an HTML
 * layout that works in mail clients and screen readers.
 */
@NotificationServiceTest
class EmailFormatTest {

	private static final Pattern TABLE = Pattern.compile("<table\\b[^>]*>");

	private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");

	private final UUID workspace = UUID.randomUUID();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Mailbox mailbox = new Mailbox(SharedInfrastructure.smtp());

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	TopicRecords topics;

	Commands commands;

	@BeforeEach
	void setUp() {
		topics = new TopicRecords(bootstrapServers);
		commands = new Commands(topics);
	}

	/** Composing an email finds jakarta.mail's streams by name, not by a class path scan each time (SmtpGateway). */
	@Test
	void mailStreamsAreFoundByNameNotByScanningTheClassPath() {
		assertThat(System.getProperty(SmtpGateway.STREAM_PROVIDER)).isEqualTo(SmtpGateway.ANGUS_STREAM_PROVIDER);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(SmtpGateway.ANGUS_STREAM_PROVIDER);
	}

	@Test
	void htmlEmailIsMultipartAlternativeWithPlainTextFirstAndTheDocumentedHeaders() throws Exception {
		SendEmail command = Commands.withSubject(Commands.sendEmail(workspace), "Zoë, your project is approved ✓");
		SendEmail named = new SendEmail(command.commandId(), command.idempotencyKey(), workspace,
				new SendEmail.Recipient(command.recipient().email(), "Zoë Müller"), command.kind(), command.subject(),
				command.text(), command.html(), command.secrets(), command.correlation(), command.requestedAt());

		commands.send(named);

		EmailSent sent = awaitSent(named);
		MimeMessage message = mailbox.messagesTo(named.recipient().email()).getFirst();
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		Multipart alternative = (Multipart) message.getContent();
		assertThat(alternative.getCount()).isEqualTo(2);
		Part text = alternative.getBodyPart(0);
		Part html = alternative.getBodyPart(1);
		assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
		assertThat(text.getContent()).isEqualTo(named.text());
		assertThat((String) html.getContent()).contains(named.html());

		assertThat(message.getMessageID()).isEqualTo("<" + sent.deliveryId() + "@coastline.localhost>");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(message.getHeader("MIME-Version")).containsExactly("1.0");
		assertThat(message.getSubject()).isEqualTo("Zoë, your project is approved ✓");
		// Non-ASCII headers are encoded words on the wire, never raw 8-bit.
		assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
		assertThat(to.getPersonal()).isEqualTo("Zoë Müller");
		assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@coastline.localhost");
	}

	@Test
	void htmlLayoutIsAccessibleAndReadableWithoutImages() throws Exception {
		SendEmail command = Commands.withSubject(Commands.sendEmail(workspace), "Your <estimate> & more");

		commands.send(command);

		awaitSent(command);
		String html = mailbox.to(command.recipient().email()).getFirst().html();
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<html lang=\"en\">")
			.contains("<meta charset=\"utf-8\">")
			.contains("<title>Your &lt;estimate&gt; &amp; more</title>")
			.doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("<link")
			.doesNotContainIgnoringCase("<style");
		List<String> tables = TABLE.matcher(html).results().map(MatchResult::group).toList();
		assertThat(tables).hasSizeGreaterThanOrEqualTo(2).allSatisfy(table -> assertThat(table).contains("role=\"presentation\""));
		assertThat(IMG.matcher(html).results().map(MatchResult::group).toList())
			.allSatisfy(img -> assertThat(img).containsPattern("alt=\"[^\"]+\""));
		// The header names the sender in text, not only in an image.
		assertThat(html.replaceAll("<[^>]+>", " ")).contains("Coastline");
	}

	@Test
	void textOnlyEmailIsPlainText() throws Exception {
		SendEmail html = Commands.sendEmail(workspace);
		SendEmail command = new SendEmail(html.commandId(), html.idempotencyKey(), workspace, html.recipient(),
				EmailKind.TEST, html.subject(), html.text(), null, List.of(), html.correlation(), Instant.now());

		commands.send(command);

		awaitSent(command);
		MimeMessage message = mailbox.messagesTo(command.recipient().email()).getFirst();
		assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(message.getContent()).isEqualTo(command.text());
	}

	private EmailSent awaitSent(SendEmail command) {
		return json.readValue(topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && NotificationTopics.EMAIL_SENT.equals(header(r, "ce_type")))
			.value(), EmailSent.class);
	}
}
