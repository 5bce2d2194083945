package com.coastline.platform.web.tenant;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs work without a request (Kafka consumers, scheduled jobs) for a workspace named by the work
 * itself, e.g. the event's workspace. While a scope is active it takes precedence over the
 * caller's token on the same thread; scopes nest and restore the outer one.
 * <p>
 * Hibernate fixes a session's tenant when the session opens: start the scope <em>before</em> the
 * transaction (or the {@code EntityManager}) that should use it, not inside it.
 */
public final class TenantScope {

	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	private TenantScope() {
	}

	/** Runs {@code work} as system work of one workspace and returns its result. */
	public static <T> T runAs(UUID workspaceId, Supplier<T> work) {
		Objects.requireNonNull(workspaceId, "workspaceId");
		if (Tenant.NO_WORKSPACE.equals(workspaceId) || Tenant.ROOT.equals(workspaceId)) {
			throw new IllegalArgumentException("Not a workspace id: " + workspaceId);
		}
		return run(new Scope(Tenant.system(workspaceId), false), work);
	}

	/** Runs {@code work} as system work of one workspace. */
	public static void runAs(UUID workspaceId, Runnable work) {
		runAs(workspaceId, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs {@code work} with tenant filtering off, seeing every workspace's rows. Only for explicit
	 * system work that must span workspaces (a purge job); never on behalf of a request.
	 */
	public static <T> T runAsRoot(Supplier<T> work) {
		return run(new Scope(null, true), work);
	}

	/** Runs {@code work} with tenant filtering off; see {@link #runAsRoot(Supplier)}. */
	public static void runAsRoot(Runnable work) {
		runAsRoot(() -> {
			work.run();
			return null;
		});
	}

	static Scope current() {
		return CURRENT.get();
	}

	private static <T> T run(Scope scope, Supplier<T> work) {
		Scope outer = CURRENT.get();
		CURRENT.set(scope);
		try {
			return work.get();
		}
		finally {
			if (outer != null) {
				CURRENT.set(outer);
			}
			else {
				CURRENT.remove();
			}
		}
	}

	/** An active scope: a workspace's system tenant, or root (tenant {@code null}). */
	record Scope(Tenant tenant, boolean root) {
	}
}
