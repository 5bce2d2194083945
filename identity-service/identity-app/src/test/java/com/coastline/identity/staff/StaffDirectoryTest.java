package com.coastline.identity.staff;

import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.staff.SignUps.SignUp;
import com.coastline.platform.web.tenant.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class StaffDirectoryTest {

	@Autowired
	StaffDirectory directory;

	@Autowired
	SignUps signUps;

	@Autowired
	StaffManagement staff;

	@Test
	void activeByEmailFindsAnEmailsMembershipsAcrossWorkspacesButNotRemovedOnes() {
		// given: one email owning a workspace, invited to a second, removed from a third
		String email = "ana-" + UUID.randomUUID() + "@example.com";
		SignUp owned = signUp(email);
		SignUp invitedTo = signUp("other-" + UUID.randomUUID() + "@example.com");
		SignUp removedFrom = signUp("third-" + UUID.randomUUID() + "@example.com");
		StaffMember invitation = TenantScope.runAs(invitedTo.workspace().getId(),
				() -> staff.invite(email, "Ana Silva", StaffRole.STAFF));
		TenantScope.runAs(removedFrom.workspace().getId(), () -> {
			StaffMember removed = staff.invite(email, "Ana Silva", StaffRole.OWNER);
			staff.remove(removed.getId());
		});

		// when: outside any request or scope, and the email as typed
		var memberships = directory.activeByEmail("  " + email.toUpperCase() + " ");

		// then
		assertThat(memberships).containsExactly(
				new StaffMembership(owned.owner().getId(), owned.workspace().getId(), StaffRole.OWNER, StaffStatus.ACTIVE,
						email),
				new StaffMembership(invitation.getId(), invitedTo.workspace().getId(), StaffRole.STAFF,
						StaffStatus.INVITED, email));
	}

	@Test
	void unknownOrInvalidEmailHasNoMemberships() {
		assertThat(directory.activeByEmail("nobody-" + UUID.randomUUID() + "@example.com")).isEmpty();
		assertThat(directory.activeByEmail("a@example.com, b@example.com")).isEmpty();
		assertThat(directory.activeByEmail(null)).isEmpty();
	}

	private SignUp signUp(String ownerEmail) {
		return signUps.signUp("Tidewater Decks " + UUID.randomUUID(), ZoneId.of("America/New_York"),
				Currency.getInstance("USD"), ownerEmail, "Owner");
	}
}
