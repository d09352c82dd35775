/** A fresh fake-indexeddb database with the Heartstopper pack seeded. */
import { openBackstoryDb } from '../../lib/db/schema';
import { seedPack } from '../../lib/db/seed';
import { heartstopper } from './packs';

export async function seededDb() {
  const db = await openBackstoryDb();
  await seedPack(db, heartstopper(), 'bundled');
  return db;
}
