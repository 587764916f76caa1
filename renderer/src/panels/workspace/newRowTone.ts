// The optional tone for new reports in the intake list: off unless the supervisor switches it on (kept
// in localStorage); one short tone when the number of new rows grows.
import { useEffect, useRef, useState } from 'react';

const KEY = 'cityOps.intakeTone';

function play(): void {
  const Ctor = globalThis.AudioContext as typeof AudioContext | undefined;
  if (!Ctor) return;
  const ctx = new Ctor();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = 740;
  gain.gain.setValueAtTime(0.0001, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.12, ctx.currentTime + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.25);
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 0.3);
  osc.onended = () => void ctx.close();
}

export function useNewRowTone(newRows: number): { on: boolean; toggle(): void } {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  });
  const last = useRef(newRows);
  useEffect(() => {
    if (on && newRows > last.current) play();
    last.current = newRows;
  }, [newRows, on]);
  return {
    on,
    toggle() {
      setOn((v) => {
        try {
          window.localStorage.setItem(KEY, v ? '0' : '1');
        } catch {
          // not kept: it stays for this page
        }
        return !v;
      });
    },
  };
}
