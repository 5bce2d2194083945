package com.coastline.project.contact;

import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/** 409: an archived contact cannot be changed or archived again. */
public class ContactIsArchived extends ConflictException {

	public ContactIsArchived(UUID id) {
		super("Contact " + id + " is archived.");
	}
}
