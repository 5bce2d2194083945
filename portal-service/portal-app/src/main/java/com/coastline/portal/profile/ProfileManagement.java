package com.coastline.portal.profile;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.portal.api.PortalActivated;
import com.coastline.portal.api.PortalDeactivated;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.config.PortalProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of the portal profile. Every change clients can see publishes {@link PortalProfileChanged}
 * (the whole state) through the outbox in the same transaction; activation and deactivation also publish
 * {@link PortalActivated} / {@link PortalDeactivated}.
 */
@Service
public class ProfileManagement {

	private static final int MAX_CACHED_ADDRESSES = 10_000;

	private final PortalProfiles profiles;

	private final PortalSlugs slugs;

	private final PortalLogos logos;

	private final LogoImages images;

	private final ApplicationEventPublisher events;

	private final CurrentTenant tenant;

	private final Clock clock;

	private final String publicBase;

	private final TransactionTemplate readOnly;

	/** What {@link #lookup} found per normalised address (an unknown address too), for a few seconds. */
	private final Cache<String, Optional<PublicPortal>> portals;

	ProfileManagement(PortalProfiles profiles, PortalSlugs slugs, PortalLogos logos, LogoImages images,
			ApplicationEventPublisher events, CurrentTenant tenant, Clock clock, PortalProperties properties,
			PlatformTransactionManager transactions) {
		this.profiles = profiles;
		this.slugs = slugs;
		this.logos = logos;
		this.images = images;
		this.events = events;
		this.tenant = tenant;
		this.clock = clock;
		this.publicBase = properties.publicBase();
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.portals = Caffeine.newBuilder()
			.maximumSize(MAX_CACHED_ADDRESSES)
			.expireAfterWrite(properties.addressCache())
			.build();
	}

	/** The current workspace's portal; inactive with the default branding when it has none yet. */
	@Transactional(readOnly = true)
	public Portal current() {
		UUID workspace = this.tenant.requireWorkspace();
		return this.profiles.findFirstBy().map((profile) -> view(workspace, profile)).orElseGet(() -> Portal.unknown(workspace));
	}

	/** Whether the current workspace's portal is active. */
	@Transactional(readOnly = true)
	public boolean isActive() {
		return this.profiles.findFirstBy().map(PortalProfile::isActive).orElse(false);
	}

	/**
	 * Sets the address and branding.
	 * @throws Slugs.ReservedSlugException for a reserved address (422)
	 * @throws Slugs.SlugTakenException for another workspace's address, current or old (409)
	 * @throws AccentColors.LowContrastException for a colour too light for white text (422)
	 */
	@Transactional
	public Portal change(ProfileChange change) {
		UUID workspace = this.tenant.requireWorkspace();
		String slug = Slugs.requireClaimable(Slugs.normalize(change.slug()));
		String accent = AccentColors.requireReadable(
				(change.accentColor() != null) ? change.accentColor() : PortalProfile.DEFAULT_ACCENT);
		PortalProfile profile = this.profiles.findFirstBy().orElseGet(() -> PortalProfile.create(this.clock.instant()));
		claim(workspace, slug);
		if (profile.change(slug, blankToNull(change.displayName()), accent, blankToNull(change.contactPhone()),
				blankToNull(change.contactEmail()), blankToNull(change.contactAddress()), this.clock.instant())) {
			profile = this.profiles.save(profile);
			publishChanged(workspace, profile);
		}
		return view(workspace, profile);
	}

	/** Opens the portal to clients (idempotent); it needs an address first (422). */
	@Transactional
	public Portal activate() {
		UUID workspace = this.tenant.requireWorkspace();
		PortalProfile profile = this.profiles.findFirstBy()
			.orElseThrow(() -> new ProfileIncompleteException("Choose the portal's address (slug) before activating the portal."));
		if (profile.activate(this.clock.instant())) {
			this.events.publishEvent(new PortalActivated(UUID.randomUUID(), workspace, profile.slug(),
					this.tenant.get().subject(), profile.updatedAt(), profile.revision()));
			publishChanged(workspace, profile);
		}
		return view(workspace, profile);
	}

	/** Closes the portal to clients (idempotent): identity-service revokes their links and sessions. */
	@Transactional
	public Portal deactivate() {
		UUID workspace = this.tenant.requireWorkspace();
		Optional<PortalProfile> found = this.profiles.findFirstBy();
		if (found.isEmpty()) {
			return Portal.unknown(workspace);
		}
		PortalProfile profile = found.get();
		if (profile.deactivate(this.clock.instant())) {
			this.events.publishEvent(new PortalDeactivated(UUID.randomUUID(), workspace, profile.slug(),
					this.tenant.get().subject(), profile.updatedAt(), profile.revision()));
			publishChanged(workspace, profile);
		}
		return view(workspace, profile);
	}

	/**
	 * Replaces the logo with the upload, re-encoded.
	 * @throws LogoImages.UnsupportedLogoException for anything but a readable PNG or JPEG (422)
	 */
	@Transactional
	public Portal uploadLogo(byte[] upload) {
		UUID workspace = this.tenant.requireWorkspace();
		PortalProfile profile = this.profiles.findFirstBy()
			.orElseThrow(() -> new ProfileIncompleteException("Choose the portal's address (slug) before uploading a logo."));
		LogoImages.Encoded image = this.images.reencode(upload);
		String uploadedBy = this.tenant.get().subject();
		PortalLogo logo = this.logos.findFirstBy().orElse(null);
		if (logo == null) {
			logo = new PortalLogo(image, uploadedBy, this.clock.instant());
		}
		else {
			logo.replace(image, uploadedBy, this.clock.instant());
		}
		this.logos.save(logo);
		if (profile.logoChanged(image.tag(), this.clock.instant())) {
			publishChanged(workspace, profile);
		}
		return view(workspace, profile);
	}

	/** Removes the logo (idempotent). */
	@Transactional
	public Portal removeLogo() {
		UUID workspace = this.tenant.requireWorkspace();
		Optional<PortalProfile> found = this.profiles.findFirstBy();
		if (found.isEmpty()) {
			return Portal.unknown(workspace);
		}
		PortalProfile profile = found.get();
		this.logos.findFirstBy().ifPresent(this.logos::delete);
		if (profile.logoRemoved(this.clock.instant())) {
			publishChanged(workspace, profile);
		}
		return view(workspace, profile);
	}

	/**
	 * The portal at an address, current or old; empty for an address nobody claimed. Public: it starts from
	 * the (unfiltered) address registry and reads the profile in that workspace's scope, entered before the
	 * transaction so that tenant filtering applies. Kept for {@link PortalProperties#addressCache()}: every
	 * client page asks, and a change through this replica clears it when it commits ({@link #forgetPortals}).
	 */
	public Optional<PublicPortal> lookup(String requested) {
		String slug = Slugs.normalize(requested);
		return this.portals.get(slug, this::read);
	}

	private Optional<PublicPortal> read(String slug) {
		return workspaceAt(slug).flatMap((workspace) -> TenantScope.runAs(workspace,
				() -> this.readOnly.execute((status) -> this.profiles.findFirstBy()))
			.filter((profile) -> profile.slug() != null)
			.map((profile) -> new PublicPortal(workspace, slug, profile.slug(), !slug.equals(profile.slug()),
					profile.isActive(), new PublicPortal.Branding(profile.displayName(), profile.accentColor(),
							logoUrl(profile), profile.contactPhone(), profile.contactEmail(), profile.contactAddress()))));
	}

	/** The logo of the portal at an address, current or old; empty without one. */
	public Optional<PortalLogoFile> logo(String requested) {
		return workspaceAt(Slugs.normalize(requested)).flatMap((workspace) -> TenantScope.runAs(workspace,
				() -> this.readOnly.execute((status) -> this.logos.findFirstBy()
					.map((logo) -> new PortalLogoFile(logo.content(), logo.contentType(), logo.tag())))));
	}

	/** Keeps the workspace's name, the display name until staff choose one; no event (nothing staff changed). */
	@Transactional
	public void workspaceCreated(WorkspaceCreated event) {
		if (event.name() == null || event.name().isBlank()) {
			throw new PoisonMessageException("WorkspaceCreated without a name");
		}
		PortalProfile profile = this.profiles.findFirstBy().orElseGet(() -> PortalProfile.create(this.clock.instant()));
		profile.workspaceNamed(event.name(), Math.max(1, event.version()), this.clock.instant());
		this.profiles.save(profile);
		forgetPortals();
	}

	private Optional<UUID> workspaceAt(String slug) {
		if (!Slugs.isWellFormed(slug)) {
			return Optional.empty();
		}
		return this.readOnly.execute((status) -> this.slugs.findById(slug).map(PortalSlug::workspaceId));
	}

	/** Records the address as the workspace's, unless another workspace has (or had) it. */
	private void claim(UUID workspace, String slug) {
		Optional<PortalSlug> claimed = this.slugs.findById(slug);
		if (claimed.isPresent()) {
			if (!claimed.get().workspaceId().equals(workspace)) {
				throw new Slugs.SlugTakenException(slug);
			}
			return;
		}
		try {
			this.slugs.saveAndFlush(new PortalSlug(slug, workspace, this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			// Another workspace claimed it at the same moment.
			throw new Slugs.SlugTakenException(slug);
		}
	}

	private void publishChanged(UUID workspace, PortalProfile profile) {
		forgetPortals();
		this.events.publishEvent(new PortalProfileChanged(UUID.randomUUID(), workspace, profile.slug(),
				profile.displayName(), profile.accentColor(), profile.contactPhone(), profile.contactEmail(),
				profile.contactAddress(), logoUrl(profile), profile.isActive(), profile.revision(), profile.updatedAt()));
	}

	/**
	 * Clears the addresses {@link #lookup} keeps once the current transaction commits (earlier, a page could read
	 * and keep the state the transaction is replacing). Every address: a change is rare, a page's read is cheap.
	 */
	private void forgetPortals() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ProfileManagement.this.portals.invalidateAll();
			}
		});
	}

	private Portal view(UUID workspace, PortalProfile profile) {
		List<String> previous = this.slugs.findByWorkspaceIdOrderByClaimedAtAscSlugAsc(workspace)
			.stream()
			.map(PortalSlug::slug)
			.filter((slug) -> !slug.equals(profile.slug()))
			.toList();
		String portalUrl = (profile.slug() != null) ? this.publicBase + "/p/" + profile.slug() : null;
		return new Portal(workspace, profile.isActive(), profile.slug(), portalUrl, previous, profile.displayName(),
				profile.customDisplayName(), profile.accentColor(), profile.contactPhone(), profile.contactEmail(),
				profile.contactAddress(), logoUrl(profile), profile.revision(), profile.updatedAt());
	}

	private String logoUrl(PortalProfile profile) {
		if (profile.logoTag() == null || profile.slug() == null) {
			return null;
		}
		return this.publicBase + "/public/portals/" + profile.slug() + "/logo?v=" + profile.logoTag();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}
}
