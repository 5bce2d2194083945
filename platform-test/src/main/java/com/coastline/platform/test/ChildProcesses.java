package com.coastline.platform.test;

import java.util.concurrent.TimeUnit;

/** Ending the child processes that tests and the launcher start (brokers, services). */
public final class ChildProcesses {

	private ChildProcesses() {
	}

	/**
	 * Ends a process: gracefully (SIGTERM) or at once (SIGKILL, as a crash), and waits for it; a graceful
	 * stop that takes more than 30 s becomes a kill.
	 */
	public static void end(Process process, boolean force) {
		if (process == null) {
			return;
		}
		if (force) {
			process.destroyForcibly();
		}
		else {
			process.destroy();
		}
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
