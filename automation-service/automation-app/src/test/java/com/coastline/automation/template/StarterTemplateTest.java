package com.coastline.automation.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StarterTemplateTest {

	final EmailTemplateEngine engine = new EmailTemplateEngine();

	@Test
	void everyStarterUsesOnlyKnownValuesAndThePortalLink() {
		for (StarterTemplate starter : StarterTemplate.values()) {
			assertThat(engine.unknownValues(starter.subject())).as(starter.key()).isEmpty();
			assertThat(engine.unknownValues(starter.body())).as(starter.key()).isEmpty();
			assertThat(engine.usesPortalLink(starter.subject(), starter.body())).as(starter.key()).isTrue();
			assertThat(starter.subject()).as(starter.key()).doesNotContain("\n").hasSizeLessThanOrEqualTo(200);
		}
	}

	@Test
	void theProjectApprovedStarterRendersAsAFriendlyEmail() {
		RenderedEmail email = engine.render(StarterTemplate.PROJECT_APPROVED.subject(),
				StarterTemplate.PROJECT_APPROVED.body(),
				new DynamicValues("Dana", "Reyes", "Kitchen remodel", null, "Tidewater Builders", "+1 555 0100"));

		assertThat(email.subject()).isEqualTo("Your project is approved: here is your portal");
		assertThat(email.text()).startsWith("Hi Dana,\n\nGreat news: Kitchen remodel is approved")
			.contains("{{secret:portal_link}}", "Call us at +1 555 0100")
			.endsWith("Thank you for choosing us,\nTidewater Builders");
		assertThat(email.html()).contains("<a href=\"{{secret:portal_link}}\">");
	}
}
