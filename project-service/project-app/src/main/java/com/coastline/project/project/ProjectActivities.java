package com.coastline.project.project;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

/** The timeline entries of the current workspace's projects (Hibernate filters every query by workspace). */
interface ProjectActivities extends JpaRepository<ProjectActivity, UUID> {

	@Query("""
			select a from ProjectActivity a
			where a.projectId = :projectId and a.occurredAt > :since and a.kind in :kinds
			order by a.occurredAt desc, a.id desc
			""")
	List<ProjectActivity> findRecent(UUID projectId, Instant since, Collection<ActivityKind> kinds, Limit limit);

	/**
	 * How many entries of these kinds (their names) happened on each of the workspace's projects since the instant,
	 * leaving out one actor's. Plain SQL for every portal home, as {@link Projects#findVisibleInWorkspace}.
	 */
	@NativeQuery("""
			select a.project_id as "projectId", count(*) as "changes" from project_activity a
			where a.workspace_id = :workspaceId and a.project_id in (:projectIds) and a.occurred_at > :since
			  and a.kind in (:kinds) and a.actor <> :exceptActor
			group by a.project_id
			""")
	List<ChangeCount> countSince(UUID workspaceId, Collection<UUID> projectIds, Instant since, Collection<String> kinds,
			String exceptActor);

	/**
	 * One query for a contact's activity across the projects it sees (primary or added): entries of these kinds
	 * whose actor is the contact, and, on the projects it is the primary contact of, entries of the
	 * {@code primaryContactKinds} whoever wrote them; newest first, with the project's name.
	 */
	@Query("""
			select new com.coastline.project.project.ContactActivityEntry(a, p.name)
			from ProjectActivity a join Project p on p.id = a.projectId
			where a.kind in :kinds
			  and (p.primaryContactId = :contactId
			       or exists (select c from AddedContact c where c.project = p and c.contactId = :contactId))
			  and (a.actor = :actor or (a.kind in :primaryContactKinds and p.primaryContactId = :contactId))
			order by a.occurredAt desc, a.id desc
			""")
	List<ContactActivityEntry> findByContact(UUID contactId, String actor, Collection<ActivityKind> kinds,
			Collection<ActivityKind> primaryContactKinds, Limit limit);

	interface ChangeCount {

		UUID getProjectId();

		long getChanges();
	}
}
