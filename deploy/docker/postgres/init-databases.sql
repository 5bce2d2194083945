-- One database per service (docker-compose.yml mounts this into /docker-entrypoint-initdb.d; PostgreSQL's
-- image runs it once, on an empty data directory). Each service's Flyway creates its own tables.
create database identity_service;
create database project_service;
create database media_service;
create database portal_service;
create database automation_service;
create database notification_service;
