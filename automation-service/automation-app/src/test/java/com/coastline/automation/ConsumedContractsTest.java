package com.coastline.automation;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailSent;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.project.api.ProjectApproved;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the schemas this service consumes are read into the records it handles. */
class ConsumedContractsTest {

	@Test
	void projectApprovedExamplesAreReadable() {
		assertThat(ContractSchemas.examples("schemas/coastline.project.ProjectApproved.v1.json", ProjectApproved.class))
			.allSatisfy(event -> assertThat(event.primaryContact().email()).isNotBlank());
	}

	@Test
	void emailSentAndFailedExamplesAreReadableWithTheirRunIds() {
		assertThat(ContractSchemas.examples("schemas/coastline.notification.EmailSent.v1.json", EmailSent.class))
			.allSatisfy(event -> assertThat(event.correlation().automationRunId()).isNotNull());
		assertThat(ContractSchemas.examples("schemas/coastline.notification.EmailFailed.v1.json", EmailFailed.class))
			.allSatisfy(event -> assertThat(event.correlation().automationRunId()).isNotNull());
	}
}
