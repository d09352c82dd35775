import { describe, expect, it, vi } from 'vitest';
import { createAdLedger } from './ad-ledger';

const at = (currentTime: number, duration = 1000) => ({ currentTime, duration }) as HTMLVideoElement;

describe('the ad ledger', () => {
  it('takes the ad breaks seen before the playhead out of the episode’s position and length', () => {
    const ledger = createAdLedger();
    ledger.note(true, 0);
    expect(ledger.position(at(10))).toBeUndefined();
    ledger.note(false, 30);
    expect(ledger.position(at(40))).toBe(10);
    ledger.note(true, 500);
    ledger.note(false, 530);
    expect(ledger.position(at(600))).toBe(540);
    // A seek back before the second break: only the first counts there.
    expect(ledger.position(at(100))).toBe(70);
    expect(ledger.duration(at(600, 1000))).toBe(940);
  });

  it('tells its listeners when an ad starts or ends, not when nothing changed', () => {
    const ledger = createAdLedger();
    const heard = vi.fn();
    const off = ledger.onChange(heard);
    ledger.note(false, 0);
    ledger.note(true, 5);
    ledger.note(true, 6);
    ledger.note(false, 20);
    expect(heard).toHaveBeenCalledTimes(2);
    off();
    ledger.note(true, 30);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('starts afresh for the next episode in the same <video>', () => {
    const ledger = createAdLedger();
    ledger.note(true, 0);
    ledger.note(false, 30);
    ledger.reset();
    expect(ledger.position(at(40))).toBe(40);
    expect(ledger.active).toBe(false);
  });
});
