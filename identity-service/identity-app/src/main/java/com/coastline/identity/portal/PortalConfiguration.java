package com.coastline.identity.portal;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import com.coastline.identity.api.ClientSignedIn;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.LinkIssued;
import com.coastline.identity.api.LinkRevoked;
import com.coastline.platform.messaging.EventRoute;
import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.portal.api.PortalActivated;
import com.coastline.portal.api.PortalDeactivated;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.api.PortalTopics;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.ProjectTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Portal sign-in's wiring: contacts consumed from {@code project.events} and the portal's state from
 * {@code portal.events} (group {@code identity-service}, each event handled in its workspace), and the
 * sign-in events published on {@code identity.events} through the outbox, keyed by workspace like every
 * event of that topic.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

	static final String GROUP = "identity-service";

	@Bean
	SignInClock signInClock(Clock clock) {
		return new SignInClock(clock);
	}

	@Bean
	Consumer<Message<byte[]>> projectEvents(IdempotentConsumers consumers, PortalIdentities identities) {
		return consumers.dispatch(GROUP)
			.within((event, work) -> TenantScope.runAs(workspaceOf(event), work))
			.on(ProjectTopics.CONTACT_UPSERTED, ContactUpserted.class, identities::upserted)
			.on(ProjectTopics.CONTACT_ARCHIVED, ContactArchived.class, identities::archived)
			.build();
	}

	@Bean
	Consumer<Message<byte[]>> portalEvents(IdempotentConsumers consumers, PortalStates states) {
		return consumers.dispatch(GROUP)
			.within((event, work) -> TenantScope.runAs(portalWorkspaceOf(event), work))
			.on(PortalTopics.PORTAL_ACTIVATED, PortalActivated.class, states::activated)
			.on(PortalTopics.PORTAL_DEACTIVATED, PortalDeactivated.class, states::deactivated)
			.on(PortalTopics.PORTAL_PROFILE_CHANGED, PortalProfileChanged.class, states::profileChanged)
			.build();
	}

	private static UUID portalWorkspaceOf(Object event) {
		UUID workspace = switch (event) {
			case PortalActivated activated -> activated.workspaceId();
			case PortalDeactivated deactivated -> deactivated.workspaceId();
			case PortalProfileChanged changed -> changed.workspaceId();
			default -> null;
		};
		if (workspace == null) {
			throw new PoisonMessageException("Portal event without a workspace");
		}
		return workspace;
	}

	private static UUID workspaceOf(Object event) {
		UUID workspace = (event instanceof ContactUpserted upserted) ? upserted.workspaceId()
				: ((ContactArchived) event).workspaceId();
		if (workspace == null) {
			throw new PoisonMessageException("Contact event without a workspace");
		}
		return workspace;
	}

	@Bean
	EventRoute<LinkIssued> linkIssuedRoute() {
		return EventRoute.of(LinkIssued.class)
			.topic(IdentityTopics.EVENTS)
			.type(IdentityTopics.LINK_ISSUED)
			.id(LinkIssued::eventId)
			.key(event -> event.workspaceId().toString())
			.subject(event -> event.linkId().toString())
			.time(LinkIssued::issuedAt)
			.build();
	}

	@Bean
	EventRoute<LinkRevoked> linkRevokedRoute() {
		return EventRoute.of(LinkRevoked.class)
			.topic(IdentityTopics.EVENTS)
			.type(IdentityTopics.LINK_REVOKED)
			.id(LinkRevoked::eventId)
			.key(event -> event.workspaceId().toString())
			.subject(event -> event.linkId().toString())
			.time(LinkRevoked::revokedAt)
			.build();
	}

	@Bean
	EventRoute<ClientSignedIn> clientSignedInRoute() {
		return EventRoute.of(ClientSignedIn.class)
			.topic(IdentityTopics.EVENTS)
			.type(IdentityTopics.CLIENT_SIGNED_IN)
			.id(ClientSignedIn::eventId)
			.key(event -> event.workspaceId().toString())
			.subject(event -> event.contactId().toString())
			.time(ClientSignedIn::signedInAt)
			.build();
	}
}
