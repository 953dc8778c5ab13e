/** The names of the repository's configuration file, looked up in this order (a module of its own: no YAML or schema loading). */
export const CONFIG_FILE_NAMES = ['.dancu-guard.yml', '.dancu-guard.yaml'];
