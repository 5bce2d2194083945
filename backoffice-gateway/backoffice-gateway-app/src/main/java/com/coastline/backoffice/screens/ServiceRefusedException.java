package com.coastline.backoffice.screens;

/**
 * A service refused the request for what it says (400, 403, 409, 413, 422): the screen shows the problem, usually
 * next to the form's fields.
 */
public class ServiceRefusedException extends RuntimeException {

	private final transient ServiceProblem problem;

	public ServiceRefusedException(Service service, ServiceProblem problem) {
		super(service.id() + " refused the request with " + problem.status());
		this.problem = problem;
	}

	public ServiceProblem problem() {
		return this.problem;
	}
}
