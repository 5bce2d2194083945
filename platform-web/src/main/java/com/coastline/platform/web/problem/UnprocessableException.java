package com.coastline.platform.web.problem;

/** 422: a valid request the domain refuses, e.g. an illegal state transition. */
public class UnprocessableException extends ProblemException {

	public UnprocessableException(String detail) {
		super(ProblemType.UNPROCESSABLE, detail);
	}
}
