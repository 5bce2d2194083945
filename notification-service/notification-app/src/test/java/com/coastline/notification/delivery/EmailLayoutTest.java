package com.coastline.notification.delivery;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailLayoutTest {

	private final EmailLayout layout = new EmailLayout();

	private final EmailBranding summit = new EmailBranding("Summit <Roofing> & Sons", "#B45309",
			URI.create("https://cdn.example.com/logos/summit.png?v=2&size=2x"), "+1 (555) 010-2030",
			"office@summit.example", "12 Harbour Road, Portland");

	@Test
	void contentIsWrappedAsGivenAndTheSubjectIsEscapedInTheTitle() {
		String html = layout.html("Offer <b>now</b> & {{content}}", "<p>Hi {{title}}</p>");

		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<title>Offer &lt;b&gt;now&lt;/b&gt; &amp; {{content}}</title>")
			.contains("<p>Hi {{title}}</p>")
			.contains("Coastline");
	}

	@Test
	void neutralLayoutHasNoImageAndNoContactDetails() {
		String html = layout.html("Subject", "<p>Hi</p>");

		assertThat(html).doesNotContain("<img", "tel:", "mailto:")
			.contains("border-bottom:3px solid #0e7490")
			.contains("Sent with Coastline");
		assertThat(layout.text("Hi", EmailBranding.COASTLINE)).isEqualTo("Hi");
	}

	@Test
	void brandingShowsTheLogoWithItsNameAsAltTextAndTheContractorInTheFooterAllEscaped() {
		String html = layout.html("Subject", "<p>Hi</p>", summit);

		assertThat(html)
			.contains("<img src=\"https://cdn.example.com/logos/summit.png?v=2&amp;size=2x\" alt=\"Summit &lt;Roofing&gt; &amp; Sons\"")
			.contains("border-bottom:3px solid #B45309")
			.contains("<a href=\"tel:+15550102030\"")
			.contains("+1 (555) 010-2030")
			.contains("<a href=\"mailto:office@summit.example\"")
			.contains("12 Harbour Road, Portland")
			.contains("<strong>Summit &lt;Roofing&gt; &amp; Sons</strong>")
			.doesNotContain("<Roofing>");
		assertThat(layout.text("Hi Dana", summit)).isEqualTo("""
				Hi Dana

				--\s
				Summit <Roofing> & Sons
				+1 (555) 010-2030
				office@summit.example
				12 Harbour Road, Portland
				""");
	}

	@Test
	void unsafeOrBlankBrandingValuesFallBackToTheNeutralOnes() {
		EmailBranding branding = new EmailBranding("  ", "red;background:url(x)", URI.create("http://tracker.example/l.png"),
				" ", "not an address\r\nBcc: eve@example.com", null);

		assertThat(branding.displayName()).isEqualTo("Coastline");
		assertThat(branding.accentColour()).isEqualTo("#0e7490");
		assertThat(branding.logoUrl()).isNull();
		assertThat(branding.hasContact()).isFalse();
		assertThat(new EmailBranding("Summit\r\nRoofing", null, URI.create("javascript:alert(1)"), null, null, null))
			.satisfies(b -> {
				assertThat(b.displayName()).isEqualTo("Summit Roofing");
				assertThat(b.logoUrl()).isNull();
			});
		assertThat(layout.html("S", "<p>Hi</p>", branding)).isEqualTo(layout.html("S", "<p>Hi</p>"));
	}
}
