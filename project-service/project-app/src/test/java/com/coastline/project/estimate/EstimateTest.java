package com.coastline.project.estimate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate on its own: money, expiry and moves, without a database. */
class EstimateTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private static final UUID CLIENT = UUID.randomUUID();

	@Test
	void eachLineIsRoundedHalfUpToAWholeMinorUnit() {
		assertThat(line(1, 499, 0).netMinor()).isZero();
		assertThat(line(1, 500, 0).netMinor()).isEqualTo(1);
		assertThat(line(1_500, 333, 0).netMinor()).isEqualTo(500);
		assertThat(line(1_000, 100, 50).taxMinor()).isEqualTo(1);
		assertThat(line(1_000, 100, 49).taxMinor()).isZero();
		assertThat(line(1_000, 500, 825).taxMinor()).isEqualTo(41);
	}

	@Test
	void totalsAreTheSumsOfTheRoundedLines() {
		// Each line's tax is 0.5 → 1; taxing the sum instead would give 1.5 → 2, not 3.
		Estimate estimate = Estimate.draft(UUID.randomUUID(), "USD",
				content(null, List.of(line(1_000, 100, 50), line(1_000, 100, 50), line(1_000, 100, 50))), NOW);

		EstimateVersion version = estimate.current();
		assertThat(version.getSubtotalMinor()).isEqualTo(300);
		assertThat(version.getTaxMinor()).isEqualTo(3);
		assertThat(version.getTotalMinor()).isEqualTo(303);
	}

	@Test
	void theLargestEstimateFitsExactly() {
		EstimateContent.Line largest = line(EstimateContent.MAX_QUANTITY_THOUSANDTHS, EstimateContent.MAX_UNIT_PRICE_MINOR,
				EstimateContent.MAX_TAX_RATE_BASIS_POINTS);
		Estimate estimate = Estimate.draft(UUID.randomUUID(), "USD",
				content(null, Collections.nCopies(EstimateContent.MAX_LINE_ITEMS, largest)), NOW);

		assertThat(largest.netMinor()).isEqualTo(9_999_999_990_000_000L);
		assertThat(estimate.current().getTotalMinor()).isEqualTo(2 * 100 * 9_999_999_990_000_000L);
	}

	@Test
	void aSentVersionExpiresWhenItsLastDayHasEndedEverywhereOnEarth() {
		Estimate estimate = sent(LocalDate.of(2026, 12, 1));

		assertThat(estimate.statusAt(Instant.parse("2026-12-02T11:59:59.999999Z"))).isEqualTo(EstimateStatus.SENT);
		assertThat(estimate.statusAt(Instant.parse("2026-12-02T12:00:00Z"))).isEqualTo(EstimateStatus.EXPIRED);
		assertThatThrownBy(() -> estimate.approve(1, signature(), Instant.parse("2026-12-02T12:00:00Z")))
			.isInstanceOf(EstimateTransitionRefused.class);
		assertThat(estimate.approve(1, signature(), Instant.parse("2026-12-02T11:59:59Z")).getStoredStatus())
			.isEqualTo(EstimateStatus.APPROVED);
	}

	@Test
	void aRefusedMoveChangesNothing() {
		Estimate estimate = sent(null);
		estimate.decline(1, CLIENT, "No", NOW);
		Instant updated = estimate.getUpdatedAt();

		assertThatThrownBy(() -> estimate.approve(1, signature(), NOW.plusSeconds(60)))
			.isInstanceOf(EstimateTransitionRefused.class);
		assertThatThrownBy(() -> estimate.requestChanges(1, CLIENT, "Cheaper", NOW.plusSeconds(60)))
			.isInstanceOf(EstimateTransitionRefused.class);
		assertThatThrownBy(() -> estimate.send(NOW.plusSeconds(60))).isInstanceOf(EstimateTransitionRefused.class);

		assertThat(estimate.current().getStoredStatus()).isEqualTo(EstimateStatus.DECLINED);
		assertThat(estimate.current().getClientMessage()).isEqualTo("No");
		assertThat(estimate.getUpdatedAt()).isEqualTo(updated);
	}

	@Test
	void anAnswerToAnOlderVersionIsStale() {
		Estimate estimate = sent(null);
		estimate.revise(null, content(null, List.of(line(1_000, 200, 0))), NOW);
		estimate.send(NOW);

		assertThatThrownBy(() -> estimate.approve(1, signature(), NOW)).isInstanceOf(StaleEstimateVersion.class);
		assertThat(estimate.version(1).orElseThrow().getStoredStatus()).isEqualTo(EstimateStatus.SUPERSEDED);
		assertThat(estimate.current().getStoredStatus()).isEqualTo(EstimateStatus.SENT);
	}

	@Test
	void theClientIsShownTheLatestVersionThatIsNotADraft() {
		Estimate estimate = Estimate.draft(UUID.randomUUID(), "USD", content(null, List.of(line(1_000, 100, 0))), NOW);
		assertThat(estimate.shownToClient()).isEmpty();

		estimate.send(NOW);
		estimate.revise(null, content(null, List.of(line(1_000, 300, 0))), NOW);

		assertThat(estimate.shownToClient()).hasValueSatisfying(version -> assertThat(version.getNumber()).isEqualTo(1));
		assertThat(estimate.current().getNumber()).isEqualTo(2);
	}

	@Test
	void anEstimateIsInACurrencyWithMinorUnits() {
		assertThat(Currencies.isValid("JPY")).isTrue();
		assertThat(Currencies.isValid("KWD")).isTrue();
		assertThat(Currencies.isValid("XXX")).isFalse();
		assertThatThrownBy(() -> Estimate.draft(UUID.randomUUID(), "usd", content(null, List.of()), NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Estimate sent(LocalDate validUntil) {
		Estimate estimate = Estimate.draft(UUID.randomUUID(), "USD", content(validUntil, List.of(line(1_000, 100, 0))),
				NOW);
		// Hibernate stamps the workspace when it saves; the approval's hash covers it.
		ReflectionTestUtils.setField(estimate, "workspaceId", UUID.randomUUID());
		estimate.send(NOW);
		return estimate;
	}

	private static EstimateContent content(LocalDate validUntil, List<EstimateContent.Line> lines) {
		return new EstimateContent("Roof", null, validUntil, lines);
	}

	private static EstimateContent.Line line(long quantityThousandths, long unitPriceMinor, int taxRateBasisPoints) {
		return new EstimateContent.Line("Line", quantityThousandths, unitPriceMinor, taxRateBasisPoints);
	}

	private static Signature signature() {
		return new Signature(CLIENT, "Dana Reyes", "203.0.113.7", null);
	}
}
