package com.coastline.automation;

import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.project.api.AppointmentScheduled;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.EstimateSent;
import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoiceOverdue;
import com.coastline.project.api.ProjectUpserted;

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
	void triggerAndDirectoryEventExamplesAreReadable() {
		assertThat(ContractSchemas.examples("schemas/coastline.project.EstimateSent.v1.json", EstimateSent.class))
			.allSatisfy(event -> assertThat(event.projectId()).isNotNull());
		assertThat(ContractSchemas.examples("schemas/coastline.project.InvoiceIssued.v1.json", InvoiceIssued.class))
			.allSatisfy(event -> assertThat(event.projectId()).isNotNull());
		assertThat(ContractSchemas.examples("schemas/coastline.project.InvoiceOverdue.v1.json", InvoiceOverdue.class))
			.allSatisfy(event -> assertThat(event.projectId()).isNotNull());
		assertThat(ContractSchemas.examples("schemas/coastline.project.AppointmentScheduled.v1.json",
				AppointmentScheduled.class))
			.allSatisfy(event -> assertThat(event.projectId()).isNotNull());
		assertThat(ContractSchemas.examples("schemas/coastline.project.ProjectUpserted.v1.json", ProjectUpserted.class))
			.allSatisfy(event -> assertThat(event.name()).isNotBlank());
		assertThat(ContractSchemas.examples("schemas/coastline.project.ContactUpserted.v1.json", ContactUpserted.class))
			.allSatisfy(event -> assertThat(event.contactId()).isNotNull());
		assertThat(ContractSchemas.examples("schemas/coastline.identity.WorkspaceCreated.v1.json", WorkspaceCreated.class))
			.allSatisfy(event -> assertThat(event.name()).isNotBlank());
		assertThat(ContractSchemas.examples("schemas/coastline.portal.PortalProfileChanged.v1.json",
				PortalProfileChanged.class))
			.allSatisfy(event -> assertThat(event.workspaceId()).isNotNull());
	}

	@Test
	void emailSentAndFailedExamplesAreReadableWithTheirRunIds() {
		assertThat(ContractSchemas.examples("schemas/coastline.notification.EmailSent.v1.json", EmailSent.class))
			.allSatisfy(event -> assertThat(event.correlation().automationRunId()).isNotNull());
		assertThat(ContractSchemas.examples("schemas/coastline.notification.EmailFailed.v1.json", EmailFailed.class))
			.allSatisfy(event -> assertThat(event.correlation().automationRunId()).isNotNull());
	}
}
