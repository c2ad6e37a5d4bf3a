import { chromium, type BrowserContext } from 'playwright';
import { PROFILES } from '../profiles/registry.ts';
import { chromiumLaunchArgs, findChromium } from './find-browser.ts';

/** A browser of the harness's own, for the probes that catch their callback inside it. */
export interface HarnessBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A headless Chromium of the harness's own, as playwright.config.ts launches it for `npm test`: the real hosts'
 * callback origins never resolve, so a callback the probes catch inside it can never leave the machine.
 */
export async function launchHarnessBrowser(): Promise<HarnessBrowser> {
  const found = findChromium();
  if (!found.executablePath) throw new Error(`no Chromium to launch for the probes (looked at ${found.tried.join(', ')}); set PLUGIN_BROWSER_PATH or run npm run browser`);
  const callbackHosts = [...new Set(Object.values(PROFILES).flatMap((p) => p.flow.redirect.productionHosts))];
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    headless: true,
    args: [...chromiumLaunchArgs, `--host-resolver-rules=${callbackHosts.map((h) => `MAP ${h} ~NOTFOUND`).join(', ')}`],
  });
  const context = await browser.newContext();
  return { context, close: () => browser.close() };
}
