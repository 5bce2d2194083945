package com.coastline.platform.web.tenant;

import java.util.List;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link CurrentTenant} bean and, where the service uses Hibernate, the resolver that feeds it
 * to every {@code @TenantId} column, so that tenant filtering is done by the framework, and loads by id checked
 * against the tenant rather than filtered ({@link TenantCheckedLoads}: the same answers, without a new load plan
 * per load).
 */
@AutoConfiguration
public class TenantAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CurrentTenant currentTenant() {
		return new CurrentTenant();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HibernatePropertiesCustomizer.class, CurrentTenantIdentifierResolver.class })
	static class HibernateTenantConfiguration {

		@Bean
		HibernatePropertiesCustomizer tenantIdentifierResolverCustomizer(CurrentTenant currentTenant) {
			return (properties) -> {
				properties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new TenantIdentifierResolver(currentTenant));
				properties.put(JpaSettings.INTEGRATOR_PROVIDER,
						(IntegratorProvider) () -> List.of(new TenantCheckedLoads.Registration()));
			};
		}
	}
}
