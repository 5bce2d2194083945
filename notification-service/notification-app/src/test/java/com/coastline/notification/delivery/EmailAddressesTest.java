package com.coastline.notification.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

	@Test
	void addressIsMaskedToItsFirstLetterAndDomain() {
		assertThat(EmailAddresses.mask("dana.reyes@example.com")).isEqualTo("d***@example.com");
		assertThat(EmailAddresses.mask("not-an-address")).isEqualTo("***");
	}

	@Test
	void everyAddressInAServerReplyIsMasked() {
		assertThat(EmailAddresses.maskAll("550 5.1.1 <dana+x@example.com>: rejected; also eve@example.org"))
			.isEqualTo("550 5.1.1 <d***@example.com>: rejected; also e***@example.org");
	}
}
