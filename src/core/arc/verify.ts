import { arcChain, arcFieldOf, MAX_ARC_INSTANCE } from '../claims/arc.js';
import { parseAuthResults } from '../claims/auth-results.js';
import type { AuthResultsHeader } from '../claims/types.js';
import { headerHashInput } from '../dkim/canonicalize-header.js';
import { lookupKey, type KeyLookup } from '../dkim/lookup-key.js';
import { splitMessage, type RawField } from '../dkim/message-parts.js';
import { ARC_MESSAGE_SIGNATURE, parseSignature } from '../dkim/signature.js';
import type { DkimResultWord } from '../dkim/types.js';
import { keyNameOf, usableKey } from '../dkim/usable-key.js';
import { verifyContext, verifyStarted, type DkimOptions, type StartedSignature } from '../dkim/verify.js';
import { verifySignature } from '../dkim/verify-signature.js';
import { displayText } from '../message/binary-string.js';
import { parseSeal, type ParsedSeal } from './seal.js';
import type { ArcReason, ArcResultWord, ArcSealVerdict, ArcSetVerdict, ArcVerification } from './types.js';

/** RFC 8617 §4.2.1: a chain holds at most 50 sets; a longer one fails before any lookup. */
export const MAX_ARC_SETS = MAX_ARC_INSTANCE;

export type ArcOptions = DkimOptions;

type ArcKind = 'seal' | 'signature' | 'results';

const KIND_OF: Record<string, ArcKind | undefined> = {
  'arc-seal': 'seal',
  'arc-message-signature': 'signature',
  'arc-authentication-results': 'results',
};

/**
 * The message's ARC chain verified as RFC 8617 §5.2 says: the structure first (no lookup for a
 * chain that fails it), then the newest ARC-Message-Signature and every ARC-Seal from the
 * newest down. All key lookups go out at once, before the first await, as DKIM's do; older
 * message signatures are verified too where their key is one the chain asks for anyway, which
 * shows where a body was changed on the way. The result is what the seals prove about the
 * sets, never a DMARC result: an AAR says what its writer claimed.
 */
export async function verifyArcBytes(bytes: Uint8Array, options: ArcOptions): Promise<ArcVerification> {
  const parts = splitMessage(bytes);
  const ctx = verifyContext(parts, options);
  const signed: ReturnType<typeof arcFieldOf>[] = [];
  const results: AuthResultsHeader[] = [];
  // The AARs are read here from the bytes, although the header analysis read them too: each
  // set's index must be the one into these fields (the seal covers their exact bytes, and the
  // analysis' list is mailparser's reading of the text, which need not count fields as these
  // bytes do), and verifyArc and check-arc have no header analysis to take them from.
  parts.fields.forEach((field, index) => {
    const kind = KIND_OF[field.name.toLowerCase()];
    if (kind === undefined) return;
    const value = displayText(field.raw.slice(field.valueStart, -2));
    if (kind === 'results') results.push(parseAuthResults(value, 'ARC-Authentication-Results', index));
    else signed.push(arcFieldOf(kind, value, index));
  });
  const chain = arcChain(signed, results);
  const base = {
    fieldsFound: signed.length + results.length,
    structure: chain.structure,
    structureProblem: chain.problem,
    exactBytes: ctx.exactBytes,
    bodyAvailable: ctx.body !== null,
  };
  const sets: ArcSetVerdict[] = chain.sets.map((s) => ({
    instance: s.instance,
    cv: s.cv,
    seal: s.seal ? sealFacts(s.seal) : null,
    messageSignature: null,
    authResults: s.authResults,
  }));
  const outcome = (result: ArcResultWord, reason: ArcReason | null, failedInstance: number | null, explanation: string): ArcVerification => ({
    result,
    reason,
    failedInstance,
    explanation,
    sets,
    ...base,
  });
  if (base.fieldsFound === 0) return outcome('none', null, null, 'The message carries no ARC sets: no intermediary sealed it.');

  const over = [...signed, ...results].find((f) => f.instance !== null && f.instance > MAX_ARC_SETS);
  if (over) {
    return outcome(
      'fail',
      'too-many-sets',
      null,
      `The message carries ARC instances beyond ${MAX_ARC_SETS}; RFC 8617 §4.2.1 limits a chain to ${MAX_ARC_SETS} sets, so it fails without being checked further.`,
    );
  }
  const newest = chain.sets.at(-1);
  // §5.2 step 2: a sealer that found the chain broken said so, and that ends it.
  if (newest?.cv === 'fail') {
    return outcome(
      'fail',
      'cv-fail',
      newest.instance,
      `The newest seal (i=${newest.instance}, by ${newest.seal?.domain ?? 'an unnamed domain'}) says cv=fail: that intermediary found the chain broken when it got the message (RFC 8617 §5.2 step 2).`,
    );
  }
  if (chain.structure === 'broken' || newest === undefined) {
    return outcome(
      'fail',
      'structure',
      null,
      `The ARC sets do not form a chain (RFC 8617 §5.2 step 3): ${chain.problem ?? 'no complete set'}. Nothing was verified.`,
    );
  }

  const lookups = new Map<string, Promise<KeyLookup>>();
  const lookup = (name: string): Promise<KeyLookup> => {
    let found = lookups.get(name);
    if (found === undefined) {
      found = lookupKey(name, options.resolver, options.signal);
      lookups.set(name, found);
    }
    return found;
  };
  const fieldAt = (index: number): RawField => parts.fields[index]!;
  // Every key the chain needs, asked now: the newest AMS's and each seal's.
  const seals = chain.sets.map((s) => {
    const parsed = parseSeal(fieldAt(s.seal!.fieldIndex));
    return { parsed, lookup: parsed.seal ? lookup(keyNameOf(parsed.seal)) : null };
  });
  const signatures: (StartedSignature | null)[] = chain.sets.map((s) => {
    const field = fieldAt(s.messageSignature!.fieldIndex);
    const parsed = parseSignature(field, ARC_MESSAGE_SIGNATURE);
    const keyName = parsed.signature ? keyNameOf(parsed.signature) : null;
    const needed = s === newest || (keyName !== null && lookups.has(keyName));
    if (!needed) return null;
    return { field, parsed, keyName, lookup: keyName ? lookup(keyName) : null };
  });
  await null;

  const sealed: RawField[] = [];
  const [sealVerdicts, signatureVerdicts] = await Promise.all([
    Promise.all(
      chain.sets.map((s, i) => {
        // §5.1.1: each set's AAR, AMS and AS in instance order, up to this seal.
        sealed.push(fieldAt(s.authResults!.fieldIndex), fieldAt(s.messageSignature!.fieldIndex));
        const input = [...sealed];
        sealed.push(fieldAt(s.seal!.fieldIndex));
        return verifySeal(seals[i]!, input, s.seal!.fieldIndex, ctx.exactBytes, s.instance);
      }),
    ),
    Promise.all(signatures.map((started, i) => (started ? verifyStarted(ctx, started, i) : null))),
  ]);
  sets.forEach((set, i) => {
    set.seal = sealVerdicts[i]!;
    set.messageSignature = signatureVerdicts[i] ?? null;
  });
  return outcome(...chainResult(sets, newest.instance));
}

const VERIFIED_FAILURE: readonly DkimResultWord[] = ['fail', 'permerror', 'policy', 'none'];

/** §5.2 steps 4–6: the newest AMS, then each seal from the newest down; the first failure decides. */
function chainResult(sets: readonly ArcSetVerdict[], newest: number): [ArcResultWord, ArcReason | null, number | null, string] {
  const ams = sets.at(-1)!.messageSignature!;
  const steps: { instance: number; what: 'message-signature' | 'seal'; result: DkimResultWord; explanation: string }[] = [
    { instance: newest, what: 'message-signature', result: ams.result, explanation: ams.explanation },
    ...[...sets].reverse().map((s) => ({ instance: s.instance, what: 'seal' as const, result: s.seal!.result, explanation: s.seal!.explanation })),
  ];
  const failed = steps.find((s) => VERIFIED_FAILURE.includes(s.result));
  if (failed) {
    const which = failed.what === 'seal' ? `The ARC-Seal of instance ${failed.instance}` : `The newest ARC-Message-Signature (i=${failed.instance})`;
    return ['fail', failed.what, failed.instance, `${which} does not verify, so the chain fails (RFC 8617 §5.2): ${failed.explanation}`];
  }
  const transient = steps.find((s) => s.result === 'temperror');
  if (transient) {
    return [
      'temperror',
      'key-lookup-failed',
      transient.instance,
      `The chain could not be checked: a key lookup for instance ${transient.instance} got no answer. ${transient.explanation}`,
    ];
  }
  const sealers = [...new Set(sets.map((s) => s.seal!.domain))].join(', ');
  if (ams.reason === 'body-unavailable') {
    return [
      'neutral',
      'body-unavailable',
      null,
      `All ${sets.length} seals verify (sealed by ${sealers}), and the newest message signature's header fields too; the body was not available, so its body hash was not checked.`,
    ];
  }
  return [
    'pass',
    null,
    null,
    `All ${sets.length} ARC sets verify: each seal (by ${sealers}) and the newest message signature match. This proves who added each set, not that what the sets say is true.`,
  ];
}

function sealFacts(field: { domain: string | null; selector: string | null; algorithm: string | null; fieldIndex: number }): ArcSealVerdict {
  return {
    result: 'permerror',
    reason: null,
    explanation: 'Not verified.',
    domain: field.domain,
    selector: field.selector,
    algorithm: field.algorithm,
    fieldIndex: field.fieldIndex,
    keyName: null,
    key: null,
    evidence: [],
  };
}

async function verifySeal(
  started: { parsed: ParsedSeal; lookup: Promise<KeyLookup> | null },
  covered: readonly RawField[],
  fieldIndex: number,
  exactBytes: boolean,
  instance: number,
): Promise<ArcSealVerdict> {
  const { parsed } = started;
  const verdict: ArcSealVerdict = { ...sealFacts({ ...parsed.facts, fieldIndex }) };
  const finish = (result: DkimResultWord, reason: ArcSealVerdict['reason'], explanation: string): ArcSealVerdict =>
    Object.assign(verdict, { result, reason, explanation });
  const seal = parsed.seal;
  if (seal === null || started.lookup === null) return finish('permerror', parsed.problem!.reason, parsed.problem!.text);
  verdict.keyName = keyNameOf(seal);
  const data = headerHashInput(covered, seal.unsignedField, 'relaxed');
  const found = await started.lookup;
  verdict.evidence = found.evidence;
  if (found.problem) return finish(found.problem.result, found.problem.reason, found.problem.text);
  const key = await usableKey(found.records, seal);
  if (key.problem) return finish('permerror', key.problem.reason, key.problem.text);
  verdict.key = key.key.info;
  if (!(await verifySignature(seal, key.key, data))) {
    const pasted = exactBytes
      ? ''
      : ' The message was pasted as text, which can change the bytes that were sealed: verify the original file (.eml) to be sure.';
    return finish(
      'fail',
      'signature-mismatch',
      `The seal does not match ARC sets 1 to ${instance} with the key at ${verdict.keyName}: a set was changed after ${seal.domain} sealed it, or the key in DNS is not the one that sealed.${pasted}`,
    );
  }
  return finish('pass', null, `The seal verifies with the key at ${verdict.keyName}: ARC sets 1 to ${instance} are as ${seal.domain} sealed them.`);
}
