package com.coastline.automation.automation;

import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;

/** No such automation in the caller's workspace (another workspace's ids look the same). */
public class AutomationNotFoundException extends NotFoundException {

	public AutomationNotFoundException(UUID id) {
		super("Automation", id);
	}
}
