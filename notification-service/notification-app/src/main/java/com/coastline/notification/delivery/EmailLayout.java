package com.coastline.notification.delivery;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Wraps the pre-rendered HTML content of a delivery in the workspace's email layout
 * ({@link EmailBranding}, the neutral Coastline one until the workspace has its own): a header with the
 * name or logo over a rule in the accent colour, the content, and a footer with the contractor's contact
 * details. Built for mail clients and screen readers: {@code lang}, layout tables marked
 * {@code role="presentation"}, inline styles only, the logo with its name as alt text (readable with
 * images blocked), dark text on white. The plain-text part gets the same contact details as a footer.
 * Every branding value is HTML-escaped; the content is inserted as given (escaped by its sender).
 */
@Component
public class EmailLayout {

	private static final String TEXT_COLOUR = "#1f2933";

	/**
	 * The full HTML document in the neutral Coastline layout. Filled in one pass, so that text in the
	 * subject or the content that looks like a placeholder stays as it is.
	 */
	public String html(String subject, String content) {
		return html(subject, content, EmailBranding.COASTLINE);
	}

	/** The full HTML document: the workspace's layout around the content, the subject as its title. */
	public String html(String subject, String content, EmailBranding branding) {
		String accent = branding.accentColour();
		StringBuilder page = new StringBuilder(content.length() + 2048);
		page.append("""
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="color-scheme" content="light">
				<title>""").append(escape(subject)).append("""
				</title>
				</head>
				<body style="margin:0;padding:0;background-color:#f3f5f7;">
				<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f5f7;">
				<tr><td align="center" style="padding:24px 12px;">
				<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:8px;font-family:Helvetica,Arial,sans-serif;color:""")
			.append(TEXT_COLOUR)
			.append(";\">\n")
			.append("<tr><td style=\"padding:20px 32px;border-bottom:3px solid ")
			.append(accent)
			.append(";font-size:18px;font-weight:bold;color:")
			.append(TEXT_COLOUR)
			.append(";\">")
			.append(header(branding))
			.append("</td></tr>\n")
			.append("<tr><td style=\"padding:24px 32px;font-size:15px;line-height:1.5;\">")
			.append(content)
			.append("</td></tr>\n")
			.append("<tr><td style=\"padding:16px 32px;font-size:12px;line-height:1.5;color:#4b5563;border-top:1px solid #e5e7eb;\">")
			.append(footer(branding))
			.append("</td></tr>\n")
			.append("""
					</table>
					</td></tr>
					</table>
					</body>
					</html>
					""");
		return page.toString();
	}

	/**
	 * The plain-text part: the text as given, followed by the contractor's contact details when the
	 * branding has any.
	 */
	public String text(String text, EmailBranding branding) {
		if (!branding.hasContact()) {
			return text;
		}
		List<String> lines = new ArrayList<>();
		lines.add(branding.displayName());
		contact(branding).forEach(lines::add);
		return text + "\n\n-- \n" + String.join("\n", lines) + "\n";
	}

	private static String header(EmailBranding branding) {
		String name = escape(branding.displayName());
		if (branding.logoUrl() == null) {
			return name;
		}
		// Styled alt text: with images blocked the name still shows, in the header's font.
		return "<img src=\"" + escape(branding.logoUrl().toString()) + "\" alt=\"" + name
				+ "\" height=\"40\" style=\"display:block;height:40px;width:auto;max-width:240px;border:0;outline:none;"
				+ "text-decoration:none;font-size:18px;font-weight:bold;color:" + TEXT_COLOUR + ";\">";
	}

	private static String footer(EmailBranding branding) {
		if (!branding.hasContact()) {
			return "Sent with Coastline";
		}
		List<String> lines = new ArrayList<>();
		lines.add("<strong>" + escape(branding.displayName()) + "</strong>");
		if (branding.phone() != null) {
			lines.add("<a href=\"tel:" + escape(branding.phone().replaceAll("[^0-9+]", "")) + "\" style=\"color:"
					+ TEXT_COLOUR + ";\">" + escape(branding.phone()) + "</a>");
		}
		if (branding.email() != null) {
			lines.add("<a href=\"mailto:" + escape(branding.email()) + "\" style=\"color:" + TEXT_COLOUR + ";\">"
					+ escape(branding.email()) + "</a>");
		}
		if (branding.postalAddress() != null) {
			lines.add(escape(branding.postalAddress()));
		}
		lines.add("Sent with Coastline");
		return String.join("<br>", lines);
	}

	private static List<String> contact(EmailBranding branding) {
		List<String> lines = new ArrayList<>();
		if (branding.phone() != null) {
			lines.add(branding.phone());
		}
		if (branding.email() != null) {
			lines.add(branding.email());
		}
		if (branding.postalAddress() != null) {
			lines.add(branding.postalAddress());
		}
		return lines;
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value);
	}
}
