import { describe, expect, it, vi } from 'vitest';
import { testService } from '../../tests/support/test-service';
import { openBackstoryDb } from '../db/schema';
import { setReadVolume } from '../db/user-data';
import { createBackstoryService } from './backstory-service';

const reading = async (svc: ReturnType<typeof testService>['svc']) =>
  (await svc.getEpisodeContext({ showId: 'heartstopper', episodeId: 's1e1' }))?.reading.readVolume;

describe('reading progress in sync', () => {
  it('writes a volume set here to the synced settings as well', async () => {
    const { svc, settings } = testService();
    await svc.setReadVolume({ showId: 'heartstopper', volume: 3 });
    expect(settings().readVolumes).toEqual({ heartstopper: 3 });
    expect(await reading(svc)).toBe(3);
  });

  it('takes a volume synced from another browser, on start and while running, and tells the panels', async () => {
    const { svc, changes } = testService({ readVolumes: { heartstopper: 2 } });
    expect(await reading(svc)).toBe(2);
    const before = changes();
    await svc.applySyncedReadVolumes({ heartstopper: 5 });
    expect(await reading(svc)).toBe(5);
    expect(changes()).toBe(before + 1);
    // Our own write coming back through sync changes nothing and wakes nobody.
    await svc.applySyncedReadVolumes({ heartstopper: 5 });
    expect(changes()).toBe(before + 1);
  });

  it('copies a volume only this browser knew (recorded before syncing existed) into the synced settings', async () => {
    const db = await openBackstoryDb();
    await setReadVolume(db, 'heartstopper', 4);
    db.close();
    const { svc, settings } = testService();
    expect(await reading(svc)).toBe(4);
    expect(settings().readVolumes).toEqual({ heartstopper: 4 });
  });

  it('lets the synced copy win where both know the show', async () => {
    const db = await openBackstoryDb();
    await setReadVolume(db, 'heartstopper', 4);
    db.close();
    const { svc, settings } = testService({ readVolumes: { heartstopper: 1 } });
    expect(await reading(svc)).toBe(1);
    expect(settings().readVolumes).toEqual({ heartstopper: 1 });
  });

  it('follows a reset and an import of the user data', async () => {
    const { svc, settings } = testService();
    await svc.setReadVolume({ showId: 'heartstopper', volume: 3 });
    const exported = await svc.exportUserData();
    await svc.resetProgress();
    expect(settings().readVolumes).toEqual({});
    expect((await svc.importUserData(exported)).ok).toBe(true);
    expect(settings().readVolumes).toEqual({ heartstopper: 3 });
    expect(await reading(svc)).toBe(3);
  });

  it('lets the newer copy win: a stale synced value does not revert a later local choice (review B4)', async () => {
    const { svc } = testService();
    await svc.setReadVolume({ showId: 'heartstopper', volume: 4 });
    await svc.applySyncedReadVolumes({ heartstopper: 2 }, { heartstopper: 1 });
    expect(await reading(svc)).toBe(4);
    await svc.applySyncedReadVolumes({ heartstopper: 5 }, { heartstopper: Date.now() + 1000 });
    expect(await reading(svc)).toBe(5);
  });

  it('writes the synced copy first, so a refused sync write leaves IndexedDB as it was (review B5)', async () => {
    const { svc } = testService();
    await svc.setReadVolume({ showId: 'heartstopper', volume: 2 });
    const failing = testService();
    const save = vi.fn(async () => {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    });
    const broken = createBackstoryService({ ...failing.deps, saveSettings: save });
    await expect(broken.setReadVolume({ showId: 'heartstopper', volume: 6 })).rejects.toThrow(/MAX_WRITE/);
    expect(await reading(svc)).toBe(2);
  });
});
