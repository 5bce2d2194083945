package com.coastline.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.messaging.parcels.ParcelDesk;
import com.coastline.platform.messaging.parcels.ParcelShipped;
import com.coastline.platform.messaging.parcels.Tracker;
import com.coastline.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox marks publications completed after the broker's acknowledgement, off the producer's thread and
 * several in one statement ({@link OutboxCompletions}). The database refuses to mark this test's publications
 * completed (a trigger, lifted when the test says) and records each statement that does mark them.
 */
@SpringBootTest(classes = ParcelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.server.port=0")
@Import(TestInfrastructure.class)
class OutboxCompletionsTest {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final String DESTINATION = "Sines";

	@Autowired
	ParcelDesk desk;

	@Autowired
	Tracker tracker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventPublicationRepository publications;

	@BeforeEach
	void refuseToCompleteThisTestsPublications() {
		jdbc.execute("create sequence if not exists refused_completion");
		jdbc.execute("create table if not exists completion_refused (refused boolean not null)");
		jdbc.execute("create table if not exists completion_statement (rows int not null)");
		jdbc.update("delete from completion_statement");
		jdbc.update("insert into completion_refused values (true)");
		jdbc.execute("""
				create or replace function refuse_completion() returns trigger language plpgsql as $$
				begin
				  if new.status = 'COMPLETED' and new.serialized_event like '%%%s%%'
				      and exists (select 1 from completion_refused) then
				    perform nextval('refused_completion');
				    raise exception 'completion refused by the test';
				  end if;
				  return new;
				end $$""".formatted(DESTINATION));
		jdbc.execute("""
				create or replace function record_completion_statement() returns trigger language plpgsql as $$
				declare n int;
				begin
				  select count(*) into n from completed where status = 'COMPLETED' and serialized_event like '%%%s%%';
				  if n > 0 then
				    insert into completion_statement values (n);
				  end if;
				  return null;
				end $$""".formatted(DESTINATION));
		jdbc.execute("drop trigger if exists refuse_completion on event_publication");
		jdbc.execute("drop trigger if exists record_completion_statement on event_publication");
		jdbc.execute("""
				create trigger refuse_completion before update on event_publication
				for each row execute function refuse_completion()""");
		jdbc.execute("""
				create trigger record_completion_statement after update on event_publication
				referencing new table as completed for each statement execute function record_completion_statement()""");
	}

	@AfterEach
	void dropTheTriggers() {
		jdbc.execute("drop trigger if exists refuse_completion on event_publication");
		jdbc.execute("drop trigger if exists record_completion_statement on event_publication");
		jdbc.update("delete from completion_refused");
	}

	@Test
	void eventsAreDeliveredWhileTheirCompletionIsRefusedAndAreMarkedCompletedTogetherOnceItIsAccepted() {
		long refusedBefore = refusedStatements();
		List<ParcelShipped> shipped = IntStream.range(0, 20).mapToObj(i -> desk.ship(DESTINATION)).toList();

		// Delivered although the database refuses to mark them completed: the producer is not held up by it.
		await().atMost(EVENTUALLY)
			.until(() -> shipped.stream().allMatch(event -> tracker.arrivals(event.eventId()) == 1));
		await().atMost(EVENTUALLY).until(() -> refusedStatements() > refusedBefore
				&& ((OutboxCompletions) publications).pending() == 0);
		// Never marked as being processed in between: they stay as stored until their completion is written.
		assertThat(statuses()).containsOnly("PUBLISHED");

		jdbc.update("delete from completion_refused");

		await().atMost(EVENTUALLY).until(() -> statuses().equals(List.of("COMPLETED")));
		assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? "
				+ "and completion_date is null", Integer.class, "%" + DESTINATION + "%")).isZero();
		// All twenty, queued while refused, written by one statement.
		assertThat(jdbc.queryForList("select rows from completion_statement", Integer.class)).containsExactly(20);
		// Not sent again meanwhile: each arrived once.
		assertThat(shipped).allMatch(event -> tracker.arrivals(event.eventId()) == 1);
	}

	private List<String> statuses() {
		return jdbc.queryForList("select distinct status from event_publication where serialized_event like ?",
				String.class, "%" + DESTINATION + "%");
	}

	private long refusedStatements() {
		return jdbc.queryForObject("select case when is_called then last_value else 0 end from refused_completion",
				Long.class);
	}
}
