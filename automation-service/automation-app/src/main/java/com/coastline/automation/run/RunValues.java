package com.coastline.automation.run;

import com.coastline.automation.directory.Directory;
import com.coastline.automation.template.DynamicValues;

/**
 * The dynamic values of a run's email, from the directory. The contractor is the workspace (its name) until
 * portal profiles bring a display name and phone.
 */
final class RunValues {

	private RunValues() {
	}

	static DynamicValues of(Directory.Workspace workspace, Directory.Project project, Directory.Contact contact) {
		return new DynamicValues(contact.firstName(), contact.lastName(), project.name(), project.address(),
				workspace.name(), null);
	}
}
