package com.coastline.backoffice.screens;

import java.util.List;
import java.util.function.Supplier;

/**
 * A part of a page that comes from another service than the page itself (a project's photos, its invoices): when
 * that service is down, the part is greyed out and the rest of the page still shows.
 *
 * @param items what the service answered (empty when it is unavailable, or does not know the parent yet: a 404)
 * @param unavailable whether the service did not answer
 * @param <T> the items' type
 */
public record Section<T>(List<T> items, boolean unavailable) {

	/** Loads the part, turning a service that is down into an unavailable section. */
	public static <T> Section<T> load(Supplier<List<T>> items) {
		try {
			return new Section<>(items.get(), false);
		}
		catch (ServiceUnavailableException ex) {
			return new Section<>(List.of(), true);
		}
		catch (NotFoundException ex) {
			return new Section<>(List.of(), false);
		}
	}

	public boolean isEmpty() {
		return this.items.isEmpty();
	}
}
