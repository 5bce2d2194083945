package com.coastline.platform.web.testapp;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Notes extends JpaRepository<Note, UUID> {
}
