import { describe, expect, it } from 'vitest';
import { ACTION_FROM, MAX_ATTEMPTS, TICKET_ACTIONS, actionsFrom, allowedActions, canTake, nextState, type TicketAction } from './lifecycle';
import { ROLES, roleHas } from './roles';
import { TICKET_STATUSES, type TicketStatus } from './tickets';

// The whole table, written out by hand: every state × action, allowed (→ where) or refused.
const EXPECTED: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
  pending_assignment: { assign: 'assigned', hold: 'on_hold', close: 'closed', merge: 'closed' },
  reopened: { assign: 'assigned', hold: 'on_hold', close: 'closed', merge: 'closed' },
  assigned: { assign: 'assigned', hold: 'on_hold', logWork: 'resolved', close: 'closed', merge: 'closed' },
  on_hold: { resume: 'assigned', close: 'closed', merge: 'closed' },
  resolved: { startFollowUp: 'follow_up', recordFollowUp: 'closed', close: 'closed', merge: 'closed' },
  follow_up: { recordFollowUp: 'closed', close: 'closed', merge: 'closed' },
  locked: { unlock: 'assigned' },
  closed: { reopen: 'reopened' },
};

const current = (status: TicketStatus) => ({ status, attempts: 0, hasAssignee: true });

describe('the service request state machine', () => {
  it.each(TICKET_STATUSES)('from %s allows exactly the expected actions, leading where expected', (status) => {
    expect(actionsFrom(status)).toEqual(TICKET_ACTIONS.filter((a) => a in EXPECTED[status]));
    for (const action of TICKET_ACTIONS) {
      const target = EXPECTED[status][action];
      expect(ACTION_FROM[action].includes(status)).toBe(target !== undefined);
      if (target) {
        expect(nextState(action, current(status), { outcome: 'resolved', satisfied: true, unlockMode: 'reassign' }).status).toBe(target);
      }
    }
  });

  it('sends unresolved work and unsatisfied follow-ups back to assignment, then locks after the second attempt', () => {
    expect(nextState('logWork', { status: 'assigned', attempts: 0, hasAssignee: true }, { outcome: 'unresolved' })).toEqual({
      status: 'pending_assignment',
      attempts: 1,
      lock: null,
    });
    expect(nextState('recordFollowUp', { status: 'follow_up', attempts: 0, hasAssignee: true }, { satisfied: false })).toEqual({
      status: 'pending_assignment',
      attempts: 1,
      lock: null,
    });
    expect(nextState('logWork', { status: 'assigned', attempts: MAX_ATTEMPTS - 1, hasAssignee: true }, { outcome: 'unresolved' })).toEqual({
      status: 'locked',
      attempts: MAX_ATTEMPTS,
      lock: 'attempts_exhausted',
    });
    expect(nextState('logWork', { status: 'assigned', attempts: 1, hasAssignee: true }, { outcome: 'in_progress' })).toEqual({
      status: 'assigned',
      attempts: 1,
      lock: null,
    });
  });

  it('resumes to assigned or pending depending on an owner, and unlocks three ways', () => {
    expect(nextState('resume', { status: 'on_hold', attempts: 0, hasAssignee: false }).status).toBe('pending_assignment');
    expect(nextState('unlock', current('locked'), { unlockMode: 'extend' }).status).toBe('pending_assignment');
    expect(nextState('unlock', current('locked'), { unlockMode: 'close' }).status).toBe('closed');
    expect(nextState('unlock', { status: 'locked', attempts: 2, hasAssignee: true }, { unlockMode: 'reassign' }).attempts).toBe(2);
  });

  it.each(ROLES)('gives %s only the actions its permissions allow', (role) => {
    for (const status of TICKET_STATUSES) {
      for (const action of TICKET_ACTIONS) {
        const own = canTake(action, status, { role, isAssignee: true, withinReopenWindow: true });
        expect(own).toBe(ACTION_FROM[action].includes(status) && roleHas(role, permissionOf(action)));
      }
    }
  });

  it('lets engineers act only on their own requests and nobody reopen after the window', () => {
    expect(canTake('logWork', 'assigned', { role: 'engineer', isAssignee: true, withinReopenWindow: false })).toBe(true);
    expect(canTake('logWork', 'assigned', { role: 'engineer', isAssignee: false, withinReopenWindow: false })).toBe(false);
    expect(canTake('hold', 'assigned', { role: 'engineer', isAssignee: false, withinReopenWindow: false })).toBe(false);
    expect(canTake('logWork', 'assigned', { role: 'supervisor', isAssignee: false, withinReopenWindow: false })).toBe(true);
    expect(canTake('reopen', 'closed', { role: 'agent', isAssignee: false, withinReopenWindow: false })).toBe(false);
    expect(allowedActions('locked', { role: 'agent', isAssignee: false, withinReopenWindow: false })).toEqual([]);
    expect(allowedActions('locked', { role: 'supervisor', isAssignee: false, withinReopenWindow: false })).toEqual(['unlock']);
  });
});

function permissionOf(action: TicketAction) {
  const map = {
    assign: 'tickets.assign',
    hold: 'tickets.hold',
    resume: 'tickets.hold',
    logWork: 'tickets.logWork',
    startFollowUp: 'tickets.followUp',
    recordFollowUp: 'tickets.followUp',
    unlock: 'tickets.manage',
    close: 'tickets.manage',
    reopen: 'tickets.reopen',
    merge: 'tickets.assign',
  } as const;
  return map[action];
}
