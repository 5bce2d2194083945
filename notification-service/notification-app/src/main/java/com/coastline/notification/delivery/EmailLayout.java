package com.coastline.notification.delivery;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Wraps the pre-rendered HTML content of a delivery in Coastline's email layout. The workspace's own
 * branding (name, colours, logo) replaces the neutral Coastline header once portal events reach this
 * service; the plain-text part is sent as given.
 */
@Component
public class EmailLayout {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>{{title}}</title>
			</head>
			<body style="margin:0;padding:0;background-color:#f3f5f7;">
			<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background-color:#f3f5f7;">
			<tr><td align="center" style="padding:24px 12px;">
			<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:8px;font-family:Helvetica,Arial,sans-serif;color:#1f2933;">
			<tr><td style="padding:20px 32px;border-bottom:3px solid #0e7490;font-size:18px;font-weight:bold;color:#0e7490;">Coastline</td></tr>
			<tr><td style="padding:24px 32px;font-size:15px;line-height:1.5;">{{content}}</td></tr>
			<tr><td style="padding:16px 32px;font-size:12px;color:#6b7280;border-top:1px solid #e5e7eb;">Sent with Coastline</td></tr>
			</table>
			</td></tr>
			</table>
			</body>
			</html>
			""";

	private static final String TITLE = "{{title}}";

	private static final String CONTENT = "{{content}}";

	private static final String HEAD = PAGE.substring(0, PAGE.indexOf(TITLE));

	private static final String MIDDLE = PAGE.substring(PAGE.indexOf(TITLE) + TITLE.length(), PAGE.indexOf(CONTENT));

	private static final String TAIL = PAGE.substring(PAGE.indexOf(CONTENT) + CONTENT.length());

	/**
	 * The full HTML document: the layout around the content. Filled in one pass, so that text in the
	 * subject or the content that looks like a placeholder stays as it is.
	 */
	public String html(String subject, String content) {
		return HEAD + HtmlUtils.htmlEscape(subject) + MIDDLE + content + TAIL;
	}
}
