package com.coastline.platform.test.infra;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Stops the shared servers once all tests of the JVM have run (registered through META-INF/services). */
public class InfrastructureShutdown implements TestExecutionListener {

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		SharedInfrastructure.shutdown();
	}
}
