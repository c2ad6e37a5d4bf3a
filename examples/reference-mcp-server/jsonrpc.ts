import type { Response } from 'express';
import { z } from 'zod';

/** Just enough of JSON-RPC 2.0 to look at a request before the SDK transport does. */
const messageSchema = z.looseObject({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.string(), z.number(), z.null()]).optional(),
  method: z.string().optional(),
  params: z.looseObject({ name: z.string().optional() }).optional(),
});

export type JsonRpcId = string | number | null;

export interface InspectedMessage {
  readonly id: JsonRpcId | undefined;
  readonly method: string | undefined;
  /** For tools/call: the tool's name. */
  readonly toolName: string | undefined;
}

/** The messages of a POST body (one or a batch); malformed entries are skipped: the transport will refuse them. */
export function inspectMessages(body: unknown): InspectedMessage[] {
  const candidates = Array.isArray(body) ? body : [body];
  return candidates.flatMap((candidate) => {
    const parsed = messageSchema.safeParse(candidate);
    if (!parsed.success) return [];
    const { id, method, params } = parsed.data;
    return [{ id, method, toolName: method === 'tools/call' ? params?.name : undefined }];
  });
}

export function firstRequestId(messages: readonly InspectedMessage[]): JsonRpcId {
  return messages.find((message) => message.id !== undefined)?.id ?? null;
}

export function isInitialize(messages: readonly InspectedMessage[]): boolean {
  return messages.length === 1 && messages[0]?.method === 'initialize';
}

/** A JSON-RPC error answer with the HTTP status the situation calls for (the SDK's own errors look the same). */
export function sendJsonRpcError(res: Response, status: number, code: number, message: string, id: JsonRpcId = null): void {
  res.status(status).json({ jsonrpc: '2.0', error: { code, message }, id });
}
