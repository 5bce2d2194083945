package com.coastline.automation.automation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The latest run of each of a few automations, for the back office's list. Provided by {@code run/}, so
 * that {@code automation/} shows runs without depending on it.
 */
public interface LastRuns {

	/**
	 * The latest run (newest {@code startedAt}) of each automation of the caller's workspace, read with one
	 * query whatever the number of automations.
	 * @return by automation id; an automation without runs has no entry
	 */
	Map<UUID, LastRun> of(Collection<UUID> automationIds);

	/**
	 * An automation's latest run.
	 * @param status the run's status by name ({@code SENT}, {@code FAILED}, …)
	 * @param finishedAt null while the run is under way
	 */
	record LastRun(UUID id, String status, Instant startedAt, Instant finishedAt) {
	}
}
