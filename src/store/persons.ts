/**
 * One person per official across languages. The English editions write names without diacritics ("Pham Minh
 * Chinh"); the Vietnamese ones with them ("Phạm Minh Chính"). A name is looked up by its exact key first
 * (case, spacing and tone placement aside), then by its folded form (no diacritics at all):
 *
 * - a name without diacritics joins the person of the same folded name, written with diacritics when there is
 *   one (the one most mentioned, when two Vietnamese names fold alike);
 * - a name with diacritics takes over a person known so far only without them, which then bears the
 *   Vietnamese spelling.
 *
 * Two Vietnamese names that fold alike ("Nguyễn Văn An", "Nguyễn Văn Ân") stay two people.
 */
import type { Db } from './db.js';
import { foldKey } from '../text/normalize.js';

const plain = (name: string) => /^[\x20-\x7e]*$/.test(name);

interface Known { id: number; name: string }

export class PersonResolver {
  private readonly stmts;
  private byFold: Map<string, Known[]> | null = null;

  constructor(private readonly db: Db) {
    this.stmts = {
      byKey: db.prepare<[string], { id: number }>('SELECT id FROM persons WHERE person_key = ?'),
      insert: db.prepare<[string, string], { id: number }>('INSERT INTO persons (person_key, name) VALUES (?, ?) RETURNING id'),
      rename: db.prepare('UPDATE persons SET person_key = ?, name = ? WHERE id = ?'),
      mentions: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM official_mentions WHERE person_id = ?'),
    };
  }

  /** The person id for a name and its key (Official.key), creating the person when new. */
  resolve(name: string, key: string): number {
    const exact = this.stmts.byKey.get(key);
    if (exact) return exact.id;
    const fold = foldKey(name);
    const same = this.folded().get(fold) ?? [];
    if (plain(name)) {
      const spelled = same.filter((k) => !plain(k.name));
      const pick = (spelled.length ? spelled : same).map((k) => ({ k, n: this.stmts.mentions.get(k.id)!.n })).sort((a, b) => b.n - a.n || a.k.id - b.k.id)[0];
      if (pick) return pick.k.id;
    } else {
      const bare = same.find((k) => plain(k.name));
      if (bare) {
        this.stmts.rename.run(key, name, bare.id);
        bare.name = name;
        return bare.id;
      }
    }
    const id = this.stmts.insert.get(key, name)!.id;
    this.folded().set(fold, [...same, { id, name }]);
    return id;
  }

  /** Every person by folded name, read once per store. */
  private folded(): Map<string, Known[]> {
    if (!this.byFold) {
      this.byFold = new Map();
      for (const p of this.db.prepare('SELECT id, name FROM persons').all() as Known[]) {
        const f = foldKey(p.name);
        this.byFold.set(f, [...(this.byFold.get(f) ?? []), p]);
      }
    }
    return this.byFold;
  }
}
