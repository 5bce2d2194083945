package com.coastline.project.estimate;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/**
 * 409: the estimate changed since the version the caller edited (someone else edited or sent it, or the
 * client answered it); nothing was changed, and the caller reloads it. The staff side's counterpart of
 * {@link StaleEstimateVersion}, which is about the version number a client answers.
 */
public class StaleEstimateEdit extends ConflictException {

	private final long currentVersion;

	public StaleEstimateEdit(UUID id, long edited, long currentVersion) {
		super("Estimate " + id + " changed since version " + edited + "; reload it.");
		this.currentVersion = currentVersion;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("currentVersion", this.currentVersion);
	}
}
