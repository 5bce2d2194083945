package com.coastline.platform.web.problem;

/** 400: input the service refuses on its own checks (e.g. an address list where one email belongs). */
public class BadRequestException extends ProblemException {

	public BadRequestException(String detail) {
		super(ProblemType.BAD_REQUEST, detail);
	}
}
