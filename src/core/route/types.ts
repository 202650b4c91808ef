import type { IpClass } from '../net/types.js';
import type { ReceivedFields } from '../received/types.js';

export interface Hop {
  /** Position in travel order: 0 is the oldest hop (the bottom Received: header). */
  index: number;
  /** Position among the message's Received: headers, 0 being the topmost. */
  receivedIndex: number;
  received: ReceivedFields;
  /** Class of received.ip, null when the hop has no IP. */
  ipClass: IpClass | null;
  /** Seconds since the previous hop; null when either date is missing. */
  delaySeconds: number | null;
  /** "negative": this hop is dated before the previous one; "missing": no readable date. */
  clockIssue: 'negative' | 'missing' | null;
}

/**
 * What a reason says, for views and tests that need more than its words:
 * - entered: the first client from outside that a receiving-side server recorded
 * - receiver-checked: the client is the receiving provider's own host, but the receiver checked it
 * - checked-earlier: the receiver's own checks name an older hop's client
 * - gateway: the message passed an inbound gateway or filtering service of the receiving side
 * - gateway-check: a receiver's check of its own gateway, which says nothing about the sender
 * - agrees / disagrees: a receiver's check names the same / another address
 * - arc-earlier-leg: an ARC result about a forwarder's inbound leg
 * - client-address: an X-Originating-IP style note of the sender's mail client
 * - documentation-address: the address is in a documentation range
 * - skipped: a hop passed on the receiving side (no address, internal address, own relay)
 * - forwarded: the message came through a forward or list; the original sender's hop is named
 * - original-sender: this is the original sender's hop into the first receiver
 * - replay: older Received lines were carried along from an earlier delivery
 * - receiver-weak: the receiving side was read from weak evidence only (To/Cc, the last server)
 * - fallback-checked / fallback-provider / fallback-below: no hop clearly crosses; what was taken
 * - filter-relay: a filtering service relayed the message, and nothing shows it filters for the receiver
 * - chosen: the user picked the hop
 */
export type OriginReasonKind =
  | 'entered'
  | 'receiver-checked'
  | 'checked-earlier'
  | 'gateway'
  | 'gateway-check'
  | 'agrees'
  | 'disagrees'
  | 'arc-earlier-leg'
  | 'client-address'
  | 'documentation-address'
  | 'skipped'
  | 'forwarded'
  | 'original-sender'
  | 'replay'
  | 'receiver-weak'
  | 'fallback-checked'
  | 'fallback-provider'
  | 'fallback-below'
  | 'filter-relay'
  | 'chosen';

export interface OriginReason {
  kind: OriginReasonKind;
  /** The reason in plain words, stating what was seen. */
  text: string;
}

export interface OriginHop {
  hopIndex: number;
  ip: string;
  /** Reasons this hop was chosen, strongest first. */
  reasons: OriginReason[];
  /** How sure the choice is. "low" means the user should look at the route. */
  confidence: 'high' | 'medium' | 'low';
}

/** Who the message was finally delivered to, and what said so. */
export interface RecipientEvidence {
  addresses: string[];
  /** "Delivered-To", "X-Original-To", "the for clause of the hop into mx.example.net", "To and Cc", … */
  source: string;
  /** True for To/Cc: they name the first recipients, which lists and forwards replace. */
  weak: boolean;
}

/**
 * Received lines carried along from an earlier delivery: older by days than the hop above them,
 * and that hop's client is not the server the older lines end at. A message re-sent with its
 * old trace, as a DKIM replay does.
 */
export interface ReplayFinding {
  /** Hops 0 … newestCarried are the carried-along lines. */
  newestCarried: number;
  /** Seconds between the newest carried line and the hop above it. */
  gapSeconds: number;
  /** The finding in plain words. */
  text: string;
}

export interface Route {
  /** Oldest first. */
  hops: Hop[];
  /** Seconds from the first to the last dated hop; null with fewer than two dated hops. */
  totalTransitSeconds: number | null;
  /** The hop the final receiver saw the message come from; for a forward, the forwarder's hop. */
  origin: OriginHop | null;
  /** Why no origin was found, when origin is null. */
  originMissingReason: string | null;
  /**
   * For a message that was forwarded or sent on by a list: the original sender's hop into the
   * first receiver, the other honest answer to "who sent this". Null otherwise.
   */
  originalSender: OriginHop | null;
  /** The final recipient as the receiving side recorded it; null when nothing names one. */
  recipient: RecipientEvidence | null;
  /** Older Received lines carried along (a re-sent message), or null. */
  replay: ReplayFinding | null;
}
