package com.coastline.project.contact;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The contacts of the current workspace (Hibernate filters every query by workspace). */
public interface Contacts extends JpaRepository<Contact, UUID> {

	List<Contact> findAllByOrderByCreatedAtAsc();

	List<Contact> findByEmailOrderByCreatedAtAsc(String email);

	/** The contact, locked until the transaction ends, so that changes (and their versions) happen one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Contact c where c.id = :id")
	Optional<Contact> lockById(UUID id);
}
