import { z } from 'zod';

// Under the page's CSP (no eval) zod must not even probe for eval: a probe that fails is still a reported violation.
// Its own module, imported first by main.ts: the wire schemas capture the setting when they are built, at import.
z.config({ jitless: true });
