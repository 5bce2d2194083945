package com.coastline.automation.automation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The back office's use cases on automations, in the caller's workspace. */
@Service
public class AutomationManagement {

	private final Automations automations;

	private final CurrentTenant currentTenant;

	private final Clock clock;

	AutomationManagement(Automations automations, CurrentTenant currentTenant, Clock clock) {
		this.automations = automations;
		this.currentTenant = currentTenant;
		this.clock = clock;
	}

	@Transactional
	public Automation create(String name, Trigger trigger, List<Action> actions, boolean enabled) {
		currentTenant.requireWorkspace();
		return automations.save(Automation.create(name, trigger, actions, enabled, author(), clock));
	}

	@Transactional(readOnly = true)
	public List<Automation> list() {
		return automations.findAllByOrderByCreatedAtAscIdAsc();
	}

	@Transactional(readOnly = true)
	public Automation find(UUID id) {
		return automations.findById(id).orElseThrow(() -> new AutomationNotFoundException(id));
	}

	/**
	 * Changes an automation.
	 * @param expectedVersion the version the caller read, or null to overwrite whatever is there
	 */
	@Transactional
	public Automation change(UUID id, String name, boolean enabled, List<Action> actions, Long expectedVersion) {
		Automation automation = find(id);
		if (expectedVersion != null && expectedVersion != automation.version()) {
			throw new ConflictException("Automation " + id + " was changed by someone else; read it again and retry.");
		}
		automation.change(name, enabled, actions, author(), clock);
		return automations.saveAndFlush(automation);
	}

	private String author() {
		return currentTenant.get().subject();
	}
}
