package com.coastline.identity.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The code email, as a {@code SendEmail} command through the outbox. The code travels only sealed for
 * notification-service and is referenced as {@code {{secret:code}}}, in the subject too (phones offer to
 * fill it in from there).
 */
@Component
class CodeEmails {

	static final String SECRET = "code";

	private static final String CODE = "{{secret:" + SECRET + "}}";

	private final ApplicationEventPublisher events;

	private final SecretSealer sealer;

	private final Duration lifetime;

	CodeEmails(ApplicationEventPublisher events, SecretSealer sealer, SignInProperties settings) {
		this.events = events;
		this.sealer = sealer;
		this.lifetime = settings.codeLifetime();
	}

	/** Records the email in the caller's transaction; it goes out after the commit. */
	void send(UUID codeId, String email, SignInCodes.Recipient recipient, String code, Instant now) {
		UUID commandId = UUID.randomUUID();
		String to = recipient.signInTo();
		long minutes = this.lifetime.toMinutes();
		String text = """
				Your sign-in code for %s is %s

				Enter it in the browser where you asked for it. It works for %d minutes.

				If you did not ask for a code, ignore this email: nobody can sign in without it.""".formatted(to, CODE,
				minutes);
		String html = """
				<p>Your sign-in code for %s is</p>
				<p style="font-size:28px;font-weight:bold;letter-spacing:6px;margin:16px 0">%s</p>
				<p>Enter it in the browser where you asked for it. It works for %d minutes.</p>
				<p style="color:#555">If you did not ask for a code, ignore this email: nobody can sign in without it.</p>"""
			.formatted(HtmlUtils.htmlEscape(to), CODE, minutes);
		this.events.publishEvent(new SendEmail(commandId, "sign-in-code:" + codeId, recipient.workspaceId(),
				new SendEmail.Recipient(email, (recipient.name() != null) ? subjectSafe(recipient.name()) : null), EmailKind.SIGN_IN_CODE,
				CODE + " is your sign-in code for " + subjectSafe(to), text, html,
				List.of(this.sealer.seal(commandId, SECRET, code)), new SendEmail.Correlation(null, null, null), now));
	}

	/** Names come from contractors' data; a header must stay one line. */
	private static String subjectSafe(String value) {
		return value.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
	}
}
