-- The orphaned-file cleanup looks stored objects up by key; every key names one object of one row.
create unique index photo_original_key on photo (original_key);
create unique index photo_thumbnail_key on photo (thumbnail_key);
create unique index photo_web_key on photo (web_key);
create unique index document_storage_key on document (storage_key);
