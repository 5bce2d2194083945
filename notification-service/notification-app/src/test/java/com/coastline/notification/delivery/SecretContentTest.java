package com.coastline.notification.delivery;

import java.util.Map;
import java.util.function.UnaryOperator;

import com.coastline.notification.api.SecretSealer;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretContentTest {

	@Test
	void referencesAreFoundWithOrWithoutSpaces() {
		assertThat(SecretContent.references("{{secret:code}} and {{ secret:link }} and {{secret:code}}"))
			.containsExactly("code", "link");
		assertThat(SecretContent.references("no {{secrets}} here")).isEmpty();
		assertThat(SecretContent.references(null)).isEmpty();
	}

	@Test
	void valuesFillEveryReferencePlainOrEscaped() {
		Map<String, String> values = Map.of("code", "482913", "link", "https://portal.example/l/a?b=1&c=<2>");

		String text = SecretContent.fill("{{secret:code}} is your code; open {{ secret:link }}", values,
				UnaryOperator.identity());
		String html = SecretContent.fill("<a href=\"{{secret:link}}\">{{secret:code}}</a>", values, HtmlUtils::htmlEscape);

		assertThat(text).isEqualTo("482913 is your code; open https://portal.example/l/a?b=1&c=<2>");
		assertThat(html).isEqualTo("<a href=\"https://portal.example/l/a?b=1&amp;c=&lt;2&gt;\">482913</a>");
	}

	@Test
	void valueIsPutInAsItIsEvenWhenItLooksLikeAReplacementOrAReference() {
		Map<String, String> values = Map.of("a", "$1 \\ {{secret:b}}", "b", "never");

		assertThat(SecretContent.fill("[{{secret:a}}]", values, UnaryOperator.identity()))
			.isEqualTo("[$1 \\ {{secret:b}}]");
	}

	@Test
	void missingValueIsUnreadable() {
		assertThatThrownBy(() -> SecretContent.fill("{{secret:code}}", Map.of(), UnaryOperator.identity()))
			.isInstanceOf(SecretSealer.UnreadableSecretException.class)
			.hasMessageContaining("'code'");
	}
}
