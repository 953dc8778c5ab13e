/** The lock file's name (the CLI names it in help without loading the gate). */
export const LOCK_FILE_NAME = 'dancu-integration.lock.json';
