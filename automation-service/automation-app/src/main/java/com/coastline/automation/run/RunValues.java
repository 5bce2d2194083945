package com.coastline.automation.run;

import com.coastline.automation.directory.Directory;
import com.coastline.automation.template.DynamicValues;

/**
 * The dynamic values of a run's email, from the directory. The contractor is the workspace's portal display
 * name and phone, or the workspace's name (and no phone) while it has no portal profile.
 */
final class RunValues {

	private RunValues() {
	}

	static DynamicValues of(Directory.Workspace workspace, Directory.Project project, Directory.Contact contact) {
		return new DynamicValues(contact.firstName(), contact.lastName(), project.name(), project.address(),
				workspace.contractorName(), workspace.contractorPhone());
	}
}
