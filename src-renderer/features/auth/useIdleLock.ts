import { useEffect, useRef } from 'react';
import { ACTIVITY_EVENTS, idleLimitMs, idleRemainingMs } from './idle';

/**
 * Calls `onIdle` once the window has had no keyboard, mouse or touch input for `minutes`
 * (while `enabled`; the default idle time until the desk's is known). Input only notes the time; the one timer checks it when due and waits
 * again for what is left, so a busy mouse costs nothing.
 */
export function useIdleLock(minutes: number | undefined, enabled: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    const limit = idleLimitMs(minutes);
    let lastInputAt = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const left = idleRemainingMs(lastInputAt, Date.now(), limit);
      if (left === 0) onIdleRef.current();
      else timer = setTimeout(check, left);
    };
    const onInput = () => {
      lastInputAt = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    timer = setTimeout(check, limit);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [minutes, enabled]);
}
