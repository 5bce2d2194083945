package com.coastline.automation.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailContentTest {

	@Test
	void markupInTheTextIsEscaped() {
		assertThat(EmailContent.html("<script>alert('x')</script> & \"more\""))
			.isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</p>");
	}

	@Test
	void blankLinesSeparateParagraphsAndSingleLineBreaksAreKept() {
		assertThat(EmailContent.html("Hi Dana,\r\n\r\nLine one\nLine two\n \n\n\nBye"))
			.isEqualTo("<p>Hi Dana,</p>\n<p>Line one<br>\nLine two</p>\n<p>Bye</p>");
	}

	@Test
	void lettersBeyondAsciiStayAsTheyAre() {
		assertThat(EmailContent.html("Müller, ça va ?")).isEqualTo("<p>Müller, ça va ?</p>");
	}
}
