package com.coastline.portal.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AccentColorsTest {

	@Test
	void contrastWithWhiteFollowsWcag() {
		assertThat(AccentColors.contrastWithWhite("#000000")).isCloseTo(21.0, within(0.001));
		assertThat(AccentColors.contrastWithWhite("#ffffff")).isCloseTo(1.0, within(0.001));
		assertThat(AccentColors.contrastWithWhite("#767676")).isCloseTo(4.54, within(0.01));
	}

	@Test
	void theDarkestGreyThatFailsIsRefusedAndTheLightestThatPassesIsTaken() {
		assertThat(AccentColors.requireReadable("#767676")).isEqualTo("#767676");
		assertThatThrownBy(() -> AccentColors.requireReadable("#777777"))
			.isInstanceOf(AccentColors.LowContrastException.class)
			.hasMessageContaining("4.47:1");
	}

	@Test
	void theDefaultAccentIsReadable() {
		assertThat(AccentColors.requireReadable(PortalProfile.DEFAULT_ACCENT)).isEqualTo(PortalProfile.DEFAULT_ACCENT);
		assertThat(AccentColors.requireReadable("#0B5CAD")).isEqualTo("#0b5cad");
	}
}
