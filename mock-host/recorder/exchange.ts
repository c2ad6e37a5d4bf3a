/** The lifecycle phase an HTTP exchange belongs to; becomes the Allure feature and groups evidence. */
export type Phase = 'discover' | 'install' | 'token' | 'use' | 'refresh' | 'probe';

export interface OutboundRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  phase: Phase;
  /** What the host was doing, in a few words ("fetch manifest", "exchange code"). */
  label: string;
  timeoutMs: number;
  maxBodyBytes: number;
  /**
   * A document the host reads the same way in every scenario of a run (a manifest, metadata, the unauthenticated
   * probe): with a run cache, only the first scenario sends it; the others get its answer, recorded as theirs.
   */
  cacheable?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw, unredacted body: for the engine only, never for reports. */
  body: string;
  /** The body was cut at maxBodyBytes. */
  truncated: boolean;
  /** Bytes received (up to the cap plus one chunk). */
  bytes: number;
  durationMs: number;
}

export type HttpErrorKind = 'timeout' | 'network' | 'invalid-url' | 'blocked-scheme';

export interface HttpOutcome {
  exchangeId: string;
  request: OutboundRequest;
  response?: HttpResponse;
  error?: { kind: HttpErrorKind; message: string };
}

/** What reports see: everything redacted. */
export interface RecordedExchange {
  id: string;
  phase: Phase;
  label: string;
  startedAt: string;
  durationMs: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string; truncated: boolean; bytes: number };
  error?: { kind: HttpErrorKind; message: string };
  /** The same request as a curl command, secrets as $VARIABLES. */
  curl: string;
}
