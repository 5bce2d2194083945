package com.coastline.portal.signin.web;

/**
 * The signed-in pages' navigation (Home, Invoices, Appointments, Documents, in {@code portal/fragments ::
 * header}): a page shows it by putting {@link #ATTRIBUTE} in its model, naming the item it is (that item gets
 * {@code aria-current="page"}) or {@link #PROJECT} for a page under a project (no item is current). The sign-in
 * pages put nothing, so they have no navigation.
 */
final class Navigation {

	/** The model attribute. */
	static final String ATTRIBUTE = "nav";

	static final String HOME = "home";

	static final String INVOICES = "invoices";

	static final String APPOINTMENTS = "appointments";

	static final String DOCUMENTS = "documents";

	/** A project's page or one under it (a photo): navigation, none of its items current. */
	static final String PROJECT = "project";

	private Navigation() {
	}
}
