// Default values for date and datetime fields, in the server's UTC string formats.

/** `YYYY-MM-DD HH:MM:SS` in UTC, as datetime fields travel. */
export const now = (): string => new Date().toISOString().slice(0, 19).replace('T', ' ');

/** `YYYY-MM-DD` in UTC, as date fields travel. */
export const today = (): string => new Date().toISOString().slice(0, 10);
