import type { OriginHop } from '../../src/core/route/types.js';

/** The reasons' words, in order. */
export const texts = (origin: OriginHop | null | undefined): string[] => origin?.reasons.map((r) => r.text) ?? [];

/** The reasons' kinds, in order. */
export const kinds = (origin: OriginHop | null | undefined): string[] => origin?.reasons.map((r) => r.kind) ?? [];

/** An origin with its reasons as plain words, to compare with what a reader sees. */
export const plain = (origin: OriginHop | null | undefined) =>
  origin ? { hopIndex: origin.hopIndex, ip: origin.ip, confidence: origin.confidence, reasons: texts(origin) } : origin;
