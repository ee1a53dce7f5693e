import type { ProviderAuthority } from './provider-profile.js';

// Bounds memory however many providers are signed in; expired entries go first.
const MAX_CACHED_PROVIDERS = 10_000;

/**
 * Providers' authority as last read, for at most `ttlMs`: a clinic's busy minute would otherwise
 * read the same provider row for every request. ProviderAccountsRepository forgets an entry in
 * the same call that changes it, so this process never serves a stale one after its own change;
 * another replica's change is seen once the entry expires.
 */
export class AuthorityCache {
  private readonly entries = new Map<string, { authority: ProviderAuthority | null; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  async read(id: string, load: () => Promise<ProviderAuthority | null>, now = Date.now()): Promise<ProviderAuthority | null> {
    if (this.ttlMs <= 0) return load();
    const cached = this.entries.get(id);
    if (cached && cached.expiresAt > now) return cached.authority;
    const authority = await load();
    this.entries.set(id, { authority, expiresAt: now + this.ttlMs });
    if (this.entries.size > MAX_CACHED_PROVIDERS) this.prune(now);
    return authority;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  private prune(now: number): void {
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
    for (const id of this.entries.keys()) {
      if (this.entries.size <= MAX_CACHED_PROVIDERS) break;
      this.entries.delete(id);
    }
  }
}
