import { z } from 'zod';
import type { Behaviour } from '../behaviour.ts';
import { apiBehaviours } from './api.ts';
import { authorizationBehaviours } from './authorization.ts';
import { discoveryBehaviours } from './discovery.ts';
import { tokenBehaviours } from './token.ts';

/** Every behaviour by name, in lifecycle order. */
export const BEHAVIOURS = { ...discoveryBehaviours, ...authorizationBehaviours, ...tokenBehaviours, ...apiBehaviours } satisfies Record<string, Behaviour>;

export type BehaviourName = keyof typeof BEHAVIOURS;
export const BEHAVIOUR_NAMES = Object.keys(BEHAVIOURS) as [BehaviourName, ...BehaviourName[]];
export const behaviourNameSchema = z.enum(BEHAVIOUR_NAMES);
