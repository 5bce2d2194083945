package com.coastline.notification.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailLayoutTest {

	private final EmailLayout layout = new EmailLayout();

	@Test
	void contentIsWrappedAsGivenAndTheSubjectIsEscapedInTheTitle() {
		String html = layout.html("Offer <b>now</b> & {{content}}", "<p>Hi {{title}}</p>");

		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<title>Offer &lt;b&gt;now&lt;/b&gt; &amp; {{content}}</title>")
			.contains("<p>Hi {{title}}</p>")
			.contains("Coastline");
	}
}
