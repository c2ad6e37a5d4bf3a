import { test, expect } from '@playwright/test';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { refuseRecordingArgs } from '../../../scripts/recording-args.ts';

// A trace would hold the typed test password and every token unredacted: `npm test -- --trace on` is bad input.
test('--trace in any mode but off is refused as bad input; other arguments pass', () => {
  for (const args of [['--trace', 'on'], ['--trace=retain-on-failure'], ['--grep', 'x', '--trace', 'on-first-retry']]) {
    expect(() => refuseRecordingArgs(args), args.join(' ')).toThrow(ConfigError);
  }
  for (const args of [['--trace', 'off'], ['--trace=off'], ['--grep', 'trace'], []]) expect(() => refuseRecordingArgs(args)).not.toThrow();
});
