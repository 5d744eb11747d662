-- The home-made actor runtime's reminders table: Orleans keeps reminders in orleans_reminders now.
DROP TABLE IF EXISTS reminders;
