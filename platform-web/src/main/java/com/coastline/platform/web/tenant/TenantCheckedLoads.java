package com.coastline.platform.web.tenant;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.Filter;
import org.hibernate.HibernateException;
import org.hibernate.LockMode;
import org.hibernate.annotations.TenantId;
import org.hibernate.binder.internal.TenantIdBinder;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.internal.DefaultLoadEventListener;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.proxy.HibernateProxy;
import org.springframework.util.ReflectionUtils;

/**
 * Loads by id (a repository's {@code findById}, {@code EntityManager.find}, a lazy reference, a merge) without
 * Hibernate's tenant filter, then checked against the session's tenant; anything else falls back to Hibernate's own
 * filtered load.
 * <p>
 * Why: Hibernate keeps one load plan per entity for loads by id, but builds a new one (its SQL AST, its JDBC
 * bindings) for every load while a filter applies to them, and {@code @TenantId} is such a filter in every tenant's
 * session. That was about a tenth of automation-service's CPU in the approval pipeline (JFR, docs/benchmarks.md).
 * Loaded without the filter, the row comes from the shared plan; its {@code @TenantId} value is then compared with
 * the session's tenant. On a match the entity is the answer, as the filtered load would have given it. Otherwise it
 * leaves the session again and Hibernate's filtered load runs: whatever that answers (nothing, "not found") is the
 * answer, exactly as before. Root work, entities without a tenant column and locking loads (which would lock another
 * workspace's row before the check) keep Hibernate's load as it is.
 * <p>
 * {@link Results} checks every entity any query loads in a tenant's session the same way, after the load: a plain SQL
 * query (which Hibernate's filter does not reach, and which names the workspace itself where a hot path needs a query
 * plan Hibernate can keep) that would hand the application another workspace's row fails instead.
 */
final class TenantCheckedLoads extends DefaultLoadEventListener {

	private static final ClassValue<Field> TENANT_FIELDS = new ClassValue<>() {
		@Override
		protected Field computeValue(Class<?> type) {
			for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
				for (Field field : c.getDeclaredFields()) {
					if (field.isAnnotationPresent(TenantId.class)) {
						ReflectionUtils.makeAccessible(field);
						return field;
					}
				}
			}
			return null;
		}
	};

	/** Whether each entity (by name) has a tenant column. */
	private final Map<String, Boolean> tenantEntities = new ConcurrentHashMap<>();

	@Override
	public void onLoad(LoadEvent event, LoadType loadType) throws HibernateException {
		LoadQueryInfluencers influencers = event.getSession().getLoadQueryInfluencers();
		Filter tenantFilter = influencers.getEnabledFilter(TenantIdBinder.FILTER_NAME);
		if (tenantFilter == null || event.getInstanceToLoad() != null || locks(event) || !hasTenant(event)) {
			super.onLoad(event, loadType);
			return;
		}
		Object tenant = tenantFilter.getParameterValue(TenantIdBinder.PARAMETER_NAME);
		influencers.disableFilter(TenantIdBinder.FILTER_NAME);
		try {
			super.onLoad(event, loadType);
		}
		finally {
			influencers.enableFilter(TenantIdBinder.FILTER_NAME).setParameter(TenantIdBinder.PARAMETER_NAME, tenant);
		}
		Object loaded = event.getResult();
		if (loaded == null || isUninitializedProxy(loaded) || belongsTo(loaded, tenant)) {
			// Not found at all, a reference checked when it is initialised (a load of its own), or the tenant's.
			return;
		}
		event.getSession().detach(loaded);
		event.setResult(null);
		super.onLoad(event, loadType);
	}

	/** A locking load would lock another workspace's row before the check: those keep Hibernate's filtered load. */
	private static boolean locks(LoadEvent event) {
		return event.getLockMode().greaterThan(LockMode.READ);
	}

	private boolean hasTenant(LoadEvent event) {
		return this.tenantEntities.computeIfAbsent(event.getEntityClassName(), name -> TENANT_FIELDS
			.get(event.getFactory().getMappingMetamodel().getEntityDescriptor(name).getMappedClass()) != null);
	}

	private static boolean isUninitializedProxy(Object entity) {
		return entity instanceof HibernateProxy proxy && proxy.getHibernateLazyInitializer().isUninitialized();
	}

	private static boolean belongsTo(Object entity, Object tenant) {
		Object target = entity instanceof HibernateProxy proxy ? proxy.getHibernateLazyInitializer().getImplementation()
				: entity;
		Field field = TENANT_FIELDS.get(target.getClass());
		return field == null || Objects.equals(ReflectionUtils.getField(field, target), tenant);
	}

	/**
	 * After any load in a tenant's session (its tenant filter enabled): an entity with a tenant column must be the
	 * tenant's, else the load fails. The filtered queries never fail it; a plain SQL query without the workspace's
	 * predicate would. Loads run by {@link TenantCheckedLoads} itself (the filter off meanwhile) and root work (no
	 * filter) are not checked here.
	 */
	static final class Results implements PostLoadEventListener {

		@Override
		public void onPostLoad(PostLoadEvent event) {
			Filter tenantFilter = event.getSession().getLoadQueryInfluencers().getEnabledFilter(TenantIdBinder.FILTER_NAME);
			if (tenantFilter == null) {
				return;
			}
			Object tenant = tenantFilter.getParameterValue(TenantIdBinder.PARAMETER_NAME);
			if (!belongsTo(event.getEntity(), tenant)) {
				throw new IllegalStateException("A query loaded a " + event.getEntity().getClass().getSimpleName()
						+ " of another workspace than the session's: a plain SQL query without the workspace's predicate?");
			}
		}
	}

	/** Puts the listener in place of Hibernate's own for load events, and the check of loaded entities after it. */
	static final class Registration implements Integrator {

		@Override
		public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
				SessionFactoryImplementor sessionFactory) {
			EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
			listeners.setListeners(EventType.LOAD, new TenantCheckedLoads());
			listeners.appendListeners(EventType.POST_LOAD, new Results());
		}
	}
}
