import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { listen } from '../shared/loopback-server.ts';
import { CredentialBook } from './behaviour.ts';
import { BEHAVIOURS, type BehaviourName } from './behaviours/index.ts';
import { selfSignedCertificate } from './self-signed-cert.ts';
import { hostileHandler } from './server.ts';

export interface HostilePluginOptions {
  behaviour: BehaviourName;
  /** Loopback only by default: this server exists to be attacked by the harness, never by anyone else. */
  host?: string;
  port?: number;
}

export interface RunningHostilePlugin {
  /** Origin without a trailing slash (https for the TLS behaviours). */
  readonly url: string;
  readonly behaviour: BehaviourName;
  close(): Promise<void>;
}

/** Starts the plugin with one hostile behaviour on 127.0.0.1 and a free port. */
export async function startHostilePlugin(options: HostilePluginOptions): Promise<RunningHostilePlugin> {
  const behaviour = BEHAVIOURS[options.behaviour];
  const tls = 'tls' in behaviour && behaviour.tls === true;
  const handler = hostileHandler(behaviour, tls ? 'https' : 'http', new CredentialBook());
  const server: Server = tls ? createHttpsServer(selfSignedCertificate(), handler) : createHttpServer(handler);
  const listening = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0, tls ? 'https' : 'http');
  return { url: listening.url, behaviour: options.behaviour, close: listening.close };
}
