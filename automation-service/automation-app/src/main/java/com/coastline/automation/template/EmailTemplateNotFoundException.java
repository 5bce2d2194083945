package com.coastline.automation.template;

import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;

/** No such email template in the caller's workspace (another workspace's ids look the same). */
public class EmailTemplateNotFoundException extends NotFoundException {

	public EmailTemplateNotFoundException(UUID id) {
		super("Email template", id);
	}
}
