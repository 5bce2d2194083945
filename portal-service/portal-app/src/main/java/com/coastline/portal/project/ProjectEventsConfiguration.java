package com.coastline.portal.project;

import java.util.function.Consumer;

import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.project.api.ProjectTopics;
import com.coastline.project.api.ProjectUpserted;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Projects' primary contacts consumed from {@code project.events} (group {@code portal-service}), once per
 * {@code ce_id}, each event in its workspace's tenant scope, opened before the consumer's transaction.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConfiguration {

	static final String GROUP = "portal-service";

	@Bean
	Consumer<Message<byte[]>> projectEvents(IdempotentConsumers consumers, CustomerPortalAccess access) {
		return consumers.dispatch(GROUP)
			.within((event, work) -> {
				ProjectUpserted upserted = (ProjectUpserted) event;
				if (upserted.workspaceId() == null) {
					throw new PoisonMessageException("ProjectUpserted without a workspace");
				}
				TenantScope.runAs(upserted.workspaceId(), work);
			})
			.on(ProjectTopics.PROJECT_UPSERTED, ProjectUpserted.class, access::projectUpserted)
			.build();
	}
}
