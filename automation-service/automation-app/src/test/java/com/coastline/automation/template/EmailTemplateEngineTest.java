package com.coastline.automation.template;

import com.coastline.automation.automation.InvalidAutomationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailTemplateEngineTest {

	final EmailTemplateEngine engine = new EmailTemplateEngine();

	final DynamicValues dana = new DynamicValues("Dana", "Reyes", "Kitchen remodel", "12 Harbor Rd, Salem",
			"Tidewater Builders", "+1 555 0100");

	@Test
	void valuesAreFilledInByName() {
		RenderedEmail email = engine.render("{{project.name}} is approved", """
				Hi {{client.first_name}} {{client.last_name}},

				{{contractor.name}} ({{contractor.phone}}) starts at {{project.address}}.""", dana);

		assertThat(email.subject()).isEqualTo("Kitchen remodel is approved");
		assertThat(email.text())
			.isEqualTo("Hi Dana Reyes,\n\nTidewater Builders (+1 555 0100) starts at 12 Harbor Rd, Salem.");
		assertThat(email.html())
			.isEqualTo("<p>Hi Dana Reyes,</p>\n<p>Tidewater Builders (+1 555 0100) starts at 12 Harbor Rd, Salem.</p>");
	}

	@Test
	void markupInAValueIsEscapedInHtmlAndVerbatimInText() {
		DynamicValues values = new DynamicValues("<b>Dana</b> & Co", null, null, null, null, null);

		RenderedEmail email = engine.render("Hello {{client.first_name}}", "Hi {{client.first_name}}!", values);

		assertThat(email.html()).isEqualTo("<p>Hi &lt;b&gt;Dana&lt;/b&gt; &amp; Co!</p>");
		assertThat(email.text()).isEqualTo("Hi <b>Dana</b> & Co!");
		assertThat(email.subject()).isEqualTo("Hello <b>Dana</b> & Co");
	}

	@Test
	void markupInTheContractorsTextIsEscapedToo() {
		RenderedEmail email = engine.render("S", "<script>alert('x')</script> & {{client.first_name}}", dana);

		assertThat(email.html()).isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Dana</p>");
	}

	@Test
	void missingValuesRenderEmpty() {
		RenderedEmail email = engine.render("Hi {{client.first_name}}", "Hi {{client.first_name}}.",
				new DynamicValues(null, null, null, null, null, null));

		assertThat(email.subject()).isEqualTo("Hi");
		assertThat(email.text()).isEqualTo("Hi .");
	}

	@Test
	void aValueCannotInjectASecretReferenceOrTemplateSyntax() {
		// Two values side by side may make up a reference that neither holds alone.
		DynamicValues values = new DynamicValues("{{secret:portal_link}}", "{{client.last_name}}", "{", "{secret:x}",
				null, null);

		RenderedEmail email = engine.render("{{client.first_name}}",
				"{{client.first_name}} {{client.last_name}} {{project.name}}{{project.address}}}", values);

		assertThat(email.subject()).doesNotContain("{{").isEqualTo("{ {secret:portal_link} }");
		assertThat(email.text()).doesNotContain("{{")
			.doesNotContain("}}")
			.isEqualTo("{ {secret:portal_link} } { {client.last_name} } { {secret:x} }");
		assertThat(email.html()).doesNotContain("{").doesNotContain("}").contains("&#123;&#123;secret:portal_link&#125;&#125;");
	}

	@Test
	void portalLinkBecomesTheSecretReferenceAndALinkInHtml() {
		RenderedEmail email = engine.render("Your portal", "Sign in here: {{portal.link}}", dana);

		assertThat(email.text()).isEqualTo("Sign in here: {{secret:portal_link}}");
		assertThat(email.html())
			.isEqualTo("<p>Sign in here: <a href=\"{{secret:portal_link}}\">Open your customer portal</a></p>");
	}

	@Test
	void portalLinkStandInIsAPlainEscapedUrl() {
		RenderedEmail email = engine.render("Your portal", "Sign in here: {{portal.link}}", dana,
				"https://portal.example/preview?a=1&b=2");

		assertThat(email.text()).isEqualTo("Sign in here: https://portal.example/preview?a=1&b=2");
		assertThat(email.html()).isEqualTo(
				"<p>Sign in here: <a href=\"https://portal.example/preview?a=1&amp;b=2\">Open your customer portal</a></p>");
	}

	@Test
	void multiLineValuesKeepTheSubjectOnOneLine() {
		RenderedEmail email = engine.render("About {{project.name}}", "B",
				new DynamicValues(null, null, "Kitchen\r\nBcc: someone@example.com", null, null, null));

		assertThat(email.subject()).isEqualTo("About Kitchen Bcc: someone@example.com");
	}

	@Test
	void usesPortalLinkLooksAtSubjectAndBody() {
		assertThat(engine.usesPortalLink("Hi", "Here: {{ portal.link }}")).isTrue();
		assertThat(engine.usesPortalLink("{{portal.link}}", "Hi")).isTrue();
		assertThat(engine.usesPortalLink("Hi {{client.first_name}}", "Hi")).isFalse();
	}

	@Test
	void unknownValuesAreListed() {
		assertThat(engine.unknownValues("Hi {{client.frist_name}}, {{client.first_name}} {{nope}} {{nope}}"))
			.containsExactly("client.frist_name", "nope");
		assertThat(engine.unknownValues("Hi {{client.first_name}}, no braces here")).isEmpty();
		assertThat(engine.unknownValues("{{secret:portal_link}}")).containsExactly("secret:portal_link");
	}

	@Test
	void checkNamesTheUnknownValueAndSuggestsTheClosestKnownOne() {
		assertThatThrownBy(() -> engine.check("Hi", "Hi {{client.frist_name}}"))
			.isInstanceOf(InvalidAutomationException.class)
			.hasMessageContaining("{{client.frist_name}}")
			.hasMessageContaining("{{client.frist_name}} (did you mean {{client.first_name}}?)")
			.hasMessageContaining("body");
		assertThatThrownBy(() -> engine.check("{{weather}}", "Hi")).hasMessageContaining("{{weather}}")
			.hasMessageContaining("subject")
			.hasMessageNotContaining("did you mean");
	}

	@Test
	void everyUnknownValueIsNamed() {
		assertThatThrownBy(() -> engine.check("Hi", "{{project.nme}} {{weather}}"))
			.hasMessageContaining("unknown dynamic values {{project.nme}} (did you mean {{project.name}}?), {{weather}}.");
	}

	@Test
	void aSourceThatIsNoTemplateIsSentAsWrittenRatherThanFailingTheRun() {
		RenderedEmail email = engine.render("S", "Hi {{#client}} {{client.first_name}}", dana);

		assertThat(email.text()).isEqualTo("Hi { {#client} } { {client.first_name} }");
	}

	@Test
	void sectionsPartialsAndUnescapedValuesAreRefused() {
		for (String source : new String[] { "{{#client}}x{{/client}}", "{{^client.first_name}}x{{/client.first_name}}",
				"{{> footer}}", "{{{client.first_name}}}", "{{& client.first_name}}", "{{=<% %>=}}", "{{! note }}" }) {
			assertThatThrownBy(() -> engine.unknownValues(source)).as(source)
				.isInstanceOf(InvalidAutomationException.class)
				.hasMessageContaining("plain dynamic values");
		}
	}

	@Test
	void unreadableTemplateIsRefusedWithAClearMessage() {
		for (String source : new String[] { "Hi {{client.first_name", "Hi client.first_name}} there" }) {
			assertThatThrownBy(() -> engine.unknownValues(source)).as(source)
				.isInstanceOf(InvalidAutomationException.class)
				.hasMessageContaining("without its }}");
		}
	}
}
