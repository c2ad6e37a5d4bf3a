import type { Response } from 'express';
import type { HostDebugger } from './host-debugger.ts';

// Keeps proxies and the browser from dropping a quiet stream (a user reading the timeline sends nothing).
const HEARTBEAT_MS = 15_000;

/**
 * The live view over server-sent events: the whole view at once, then again after every change. Each message is the
 * view the JSON API would answer, already redacted and checked against the shared schema.
 */
export function streamViews(debuggerApp: HostDebugger, res: Response): void {
  res.status(200).set({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  res.flushHeaders();
  const send = (view: unknown) => res.write(`event: view\ndata: ${JSON.stringify(view)}\n\n`);
  send(debuggerApp.view());
  const unsubscribe = debuggerApp.subscribe(send);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
