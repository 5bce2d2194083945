package com.coastline.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link LocalSystem} once per test JVM, for every journey class, and stops it when the last
 * test has run (it lives in the root context's store, which closes it). Chromium is checked first: a
 * machine without it fails at once, with what to install, instead of after starting six services.
 * Journeys receive the system as a constructor or method parameter.
 */
public final class EndToEndExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(EndToEndExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Chromium.requireInstalled();
		system(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalSystem.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return system(context);
	}

	private static LocalSystem system(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Start.class, key -> Start.now(), Start.class)
			.system();
	}

	/**
	 * The one start of the system, or how it failed: a failed start fails every journey class with that cause
	 * at once instead of starting six services again for each.
	 */
	private record Start(LocalSystem started, RuntimeException failure) implements AutoCloseable {

		static Start now() {
			try {
				// Surefire runs in the module's directory; the repository (and the services' jars) is its parent.
				return new Start(LocalSystem.start(Path.of("..").toAbsolutePath().normalize(),
						Path.of("target").toAbsolutePath()), null);
			}
			catch (RuntimeException ex) {
				return new Start(null, ex);
			}
		}

		LocalSystem system() {
			if (this.failure != null) {
				throw new IllegalStateException("The system did not start (target/local-stack.log has the services' "
						+ "output)", this.failure);
			}
			return this.started;
		}

		@Override
		public void close() {
			if (this.started != null) {
				this.started.close();
			}
		}
	}
}
