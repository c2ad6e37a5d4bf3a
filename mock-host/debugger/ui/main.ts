import { z } from 'zod';
import { html } from 'htm/preact';
import { render } from 'preact';
import { App } from './app.ts';

// Under the page's CSP (no eval) zod must not even probe for eval: the probe alone is a reported violation.
z.config({ jitless: true });

const root = document.getElementById('app');
if (root) render(html`<${App} />`, root);
