package com.coastline.platform.web.problem;

/** 409: the request conflicts with the resource's current state. */
public class ConflictException extends ProblemException {

	public ConflictException(String detail) {
		super(ProblemType.CONFLICT, detail);
	}

	public ConflictException(String detail, Throwable cause) {
		super(ProblemType.CONFLICT, detail, cause);
	}
}
