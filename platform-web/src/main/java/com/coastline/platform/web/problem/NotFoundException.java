package com.coastline.platform.web.problem;

/** 404: no such resource, or one the tenant may not see (never told apart). */
public class NotFoundException extends ProblemException {

	public NotFoundException(String detail) {
		super(ProblemType.NOT_FOUND, detail);
	}

	/** "Project 7c9e… was not found." */
	public NotFoundException(String resource, Object id) {
		this(resource + " " + id + " was not found.");
	}
}
