package com.coastline.platform.web.tenant;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link CurrentTenant} bean and, where the service uses Hibernate, the resolver that feeds it
 * to every {@code @TenantId} column, so that tenant filtering is done by the framework.
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
			return (properties) -> properties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
					new TenantIdentifierResolver(currentTenant));
		}
	}
}
