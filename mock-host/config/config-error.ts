/** Bad input (a setting, config file or scenario file): the run cannot start. Exit code 2 (DESIGN.md). */
export class ConfigError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
