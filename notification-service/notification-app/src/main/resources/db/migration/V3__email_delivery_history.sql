-- The back office's delivery history per contact and per project (GET /api/deliveries?contactId=… or
-- ?projectId=…): the workspace's deliveries for one contact or project, newest first.
create index email_delivery_contact_idx on email_delivery (workspace_id, contact_id, requested_at desc, id desc)
    where contact_id is not null;
create index email_delivery_project_idx on email_delivery (workspace_id, project_id, requested_at desc, id desc)
    where project_id is not null;
