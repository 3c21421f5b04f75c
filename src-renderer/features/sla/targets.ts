import type { AgreementTarget } from '../../../src-shared/contract';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../src-shared/domain/tickets';
import { joinMinutes, splitMinutes } from './format';

/** A target as typed: hours and minutes of business time. */
export interface Duration {
  hours: number | string;
  minutes: number | string;
}

export interface TargetDraft {
  response: Duration;
  resolution: Duration;
}

export type TargetDrafts = Record<TicketPriority, TargetDraft>;

/** Business minutes (response, resolution) offered for a new agreement, urgent the tightest. */
const DEFAULT_TARGETS: Record<TicketPriority, [number, number]> = {
  low: [8 * 60, 40 * 60],
  normal: [4 * 60, 24 * 60],
  high: [2 * 60, 8 * 60],
  urgent: [30, 4 * 60],
};

/** The contract's bounds for a target: at least a minute, at most a year. */
export const MAX_MINUTES = 525_600;

export function targetDrafts(targets: readonly AgreementTarget[] | undefined): TargetDrafts {
  const out = {} as TargetDrafts;
  for (const p of TICKET_PRIORITIES) {
    const saved = targets?.find((t) => t.priority === p);
    const [response, resolution] = saved ? [saved.responseMinutes, saved.resolutionMinutes] : DEFAULT_TARGETS[p];
    out[p] = { response: splitMinutes(response), resolution: splitMinutes(resolution) };
  }
  return out;
}

export type TargetProblem = 'invalid' | 'resolutionBeforeResponse';

/**
 * The drafts as the contract's targets (one per priority, in priority order), or the
 * problems per form field ('targets.<index>.response' / '.resolution').
 */
export function parseTargets(drafts: TargetDrafts): { targets: AgreementTarget[] } | { problems: Record<string, TargetProblem> } {
  const targets: AgreementTarget[] = [];
  const problems: Record<string, TargetProblem> = {};
  const valid = (m: number | null): m is number => m !== null && m >= 1 && m <= MAX_MINUTES;
  TICKET_PRIORITIES.forEach((priority, index) => {
    const d = drafts[priority];
    const responseMinutes = joinMinutes(d.response.hours, d.response.minutes);
    const resolutionMinutes = joinMinutes(d.resolution.hours, d.resolution.minutes);
    if (!valid(responseMinutes)) problems[`targets.${index}.response`] = 'invalid';
    if (!valid(resolutionMinutes)) problems[`targets.${index}.resolution`] = 'invalid';
    else if (valid(responseMinutes) && resolutionMinutes < responseMinutes) problems[`targets.${index}.resolution`] = 'resolutionBeforeResponse';
    if (valid(responseMinutes) && valid(resolutionMinutes)) targets.push({ priority, responseMinutes, resolutionMinutes });
  });
  return Object.keys(problems).length > 0 ? { problems } : { targets };
}
