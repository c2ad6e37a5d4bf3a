import { API, CONTROL_HEADER, PAGE_TOKEN_HEADER, PAGE_TOKEN_META, PAGE_TOKEN_PARAM } from '../../../mock-host/debugger/wire/controls.ts';
import { debuggerViewSchema, type DebuggerView } from '../../../mock-host/debugger/wire/view.ts';

/** Every body the debugger's API answered, for the secret scan. */
export interface Transcript {
  bodies: string[];
}

/**
 * The debugger's API over HTTP, as its page uses it (the control header and the page's secret from the shell), and
 * a transcript of everything it answered.
 */
export async function debuggerClient(origin: string) {
  const shell = await (await fetch(`${origin}/`)).text();
  const token = new RegExp(`name="${PAGE_TOKEN_META}" content="([^"]+)"`).exec(shell)?.[1];
  if (!token) throw new Error('the page shell carries no page token');
  const transcript: Transcript = { bodies: [] };
  const headers = { [CONTROL_HEADER]: '1', [PAGE_TOKEN_HEADER]: token };
  const read = async (res: Response): Promise<unknown> => {
    const text = await res.text();
    transcript.bodies.push(text);
    // Refusals of bad input (400) and of a control while a step runs (409) are answers too.
    if (!res.ok && res.status !== 400 && res.status !== 409) throw new Error(`${res.url} answered ${res.status}: ${text}`);
    return JSON.parse(text);
  };
  const get = async (path: string) => read(await fetch(`${origin}${path}`, { headers }));
  const post = async (path: string, body: unknown) => read(await fetch(`${origin}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  const view = async (): Promise<DebuggerView> => debuggerViewSchema.parse(await get(API.view));
  /** Waits until no step runs. */
  const settled = async (): Promise<DebuggerView> => {
    for (let i = 0; i < 200; i++) {
      const current = await view();
      if (!current.busy && current.timeline.every((s) => s.status !== 'running')) return current;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the debugger stayed busy');
  };
  /** The event stream, read into text as it arrives. */
  const events = async () => {
    const controller = new AbortController();
    const res = await fetch(`${origin}${API.events}?${PAGE_TOKEN_PARAM}=${token}`, { signal: controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`the event stream answered ${res.status}`);
    let text = '';
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const pump = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted by close()
      }
    })();
    return {
      text: () => text,
      views: (): DebuggerView[] => [...text.matchAll(/^event: view\ndata: (.*)$/gm)].map((m) => debuggerViewSchema.parse(JSON.parse(m[1] ?? ''))),
      close: async () => {
        controller.abort();
        await pump;
      },
    };
  };
  return { token, transcript, get, post, view, settled, events };
}
