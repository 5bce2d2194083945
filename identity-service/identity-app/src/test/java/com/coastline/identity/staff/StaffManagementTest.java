package com.coastline.identity.staff;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.staff.SignUps.SignUp;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.web.tenant.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IdentityServiceTest
class StaffManagementTest {

	@Autowired
	SignUps signUps;

	@Autowired
	StaffManagement staff;

	@Autowired
	StaffMembers members;

	@Autowired
	WorkspaceRegistry registry;

	@Test
	void signUpIsAllOrNothing() {
		// given: an owner the database refuses (the web layer would have caught the name's length)
		String workspaceName = "Half Done " + UUID.randomUUID();

		// when
		assertThatThrownBy(() -> signUps.signUp(workspaceName, ZoneId.of("UTC"), Currency.getInstance("EUR"),
				"owner-" + UUID.randomUUID() + "@example.com", "x".repeat(201)))
			.isInstanceOf(DataIntegrityViolationException.class);

		// then
		assertThat(registry.named(workspaceName)).isEmpty();
	}

	@Test
	void twoOwnersRemovingEachOtherAtOnceLeaveOneOwner() throws Exception {
		// given
		SignUp workspace = signUps.signUp("Two Owners " + UUID.randomUUID(), ZoneId.of("UTC"),
				Currency.getInstance("EUR"), "first-" + UUID.randomUUID() + "@example.com", "First Owner");
		UUID wid = workspace.workspace().getId();
		StaffMember second = TenantScope.runAs(wid, () -> members.saveAndFlush(StaffMember.owner(wid,
				"second-" + UUID.randomUUID() + "@example.com", "Second Owner", workspace.owner().getInvitedAt())));
		CyclicBarrier start = new CyclicBarrier(2);

		// when
		List<Throwable> outcomes = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			List<Future<Object>> removals = List.of(threads.submit(removal(wid, workspace.owner().getId(), start)),
					threads.submit(removal(wid, second.getId(), start)));
			for (Future<Object> removal : removals) {
				try {
					removal.get();
					outcomes.add(null);
				}
				catch (ExecutionException failed) {
					outcomes.add(failed.getCause());
				}
			}
		}

		// then
		assertThat(outcomes).filteredOn(outcome -> outcome == null).hasSize(1);
		assertThat(outcomes).filteredOn(outcome -> outcome != null)
			.singleElement()
			.isInstanceOf(LastOwnerCannotBeRemoved.class);
		assertThat(TenantScope.runAs(wid, () -> staff.list())).filteredOn(StaffMember::isActiveOwner).hasSize(1);
	}

	private Callable<Object> removal(UUID workspace, UUID member, CyclicBarrier start) {
		return () -> {
			start.await();
			return TenantScope.runAs(workspace, () -> staff.remove(member));
		};
	}
}
