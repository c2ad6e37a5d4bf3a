import { chromium } from 'playwright';
import { findChromium } from './mock-host/browser/find-browser.ts';
const b = await chromium.launch({ executablePath: findChromium().executablePath });
const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
await p.goto('file:///tmp/sim-reports/allure-results/fe48093e-aabc-42bd-b478-58afbda23b65-attachment.html');
await p.screenshot({ path: '/tmp/matrix.png' });
await b.close();
