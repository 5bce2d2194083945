package com.coastline.project.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressesTest {

	@Test
	void anAddressIsTrimmedAndLowerCased() {
		assertThat(EmailAddresses.normalise("  Dana.Reyes+Roof@Example.COM\t")).isEqualTo("dana.reyes+roof@example.com");
		assertThat(EmailAddresses.normalise(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dana@example.com", "dana.reyes+roof@mail.example.co.uk", "o'brien@example.ie",
			"d-r_1@sub-domain.example.io" })
	void plainAddressesAreValid(String email) {
		assertThat(EmailAddresses.isValid(email)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "dana", "dana@", "@example.com", "dana@example", "dana@example.c0m",
			"dana@-example.com", "dana@example.com\r\nbcc: x@example.com", "dana@example.com,sam@example.com",
			"dana <dana@example.com>", "\"dana\"@example.com", "dana@[127.0.0.1]", "dana reyes@example.com",
			"dana.@example.com", "DANA@example.com" })
	void anythingButOnePlainNormalisedAddressIsInvalid(String email) {
		assertThat(EmailAddresses.isValid(email)).isFalse();
	}

	@Test
	void overlongAddressesAreInvalid() {
		assertThat(EmailAddresses.isValid("d".repeat(65) + "@example.com")).isFalse();
		String label = "a".repeat(63);
		assertThat(EmailAddresses.isValid("dana@" + label + "." + label + "." + label + ".com")).isTrue();
		assertThat(EmailAddresses.isValid("dana@" + label + "." + label + "." + label + "." + label + ".com")).isFalse();
	}

	@Test
	void contactDetailsAreNormalised() {
		ContactDetails details = new ContactDetails(" Dana ", "Reyes ", " DANA@example.com ", "  ");

		assertThat(details).isEqualTo(new ContactDetails("Dana", "Reyes", "dana@example.com", null));
		assertThatThrownBy(() -> new ContactDetails("Dana", "Reyes", "dana@example.com, sam@example.com", null))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
