import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import type { FhirContext } from './context.js';
import { resourceUrl } from './resources/references.js';
import type { SearchableType } from './search/criteria.js';
import { encodePageToken, type PagedListing, type PagePosition } from './search/page-token.js';
import type { FhirSearch } from './search/parse-search.js';

type Identified = Resource & { id: string };

/** One page of a search's answer, as the repository found it. */
export interface SearchPage<Type extends SearchableType> {
  /** This page's resources, in the listing's order (at most the search's count). */
  resources: readonly Identified[];
  /** How many match in all pages. */
  total: number;
  /** The sort key of the last resource shown, when more follow. */
  next?: PagePosition<Type>;
}

/** A listing's URL on this server with its normalised parameters, page size and page token. */
export function listingUrl(context: FhirContext, path: string, query: string, count: number | undefined, cursor: string | undefined): string {
  const params = new URLSearchParams(query);
  if (count !== undefined) params.set('_count', String(count));
  if (cursor !== undefined) params.set('_cursor', cursor);
  const search = params.toString();
  return `${context.baseUrl}/${path}${search ? `?${search}` : ''}`;
}

export function bundleEntry(context: FhirContext, resource: Identified, mode: 'match' | 'include'): BundleEntry {
  return { fullUrl: resourceUrl(context, resource.resourceType, resource.id), resource, search: { mode } };
}

/** A searchset Bundle: the page's entries, how many match in all, and the links self and next. */
export function pagedBundle<Listing extends PagedListing>(
  context: FhirContext,
  listing: { kind: Listing; path: string; query: string; count: number | undefined; cursor: string | undefined },
  entries: BundleEntry[],
  total: number,
  next: PagePosition<Listing> | undefined,
): Bundle {
  const link: BundleLink[] = [{ relation: 'self', url: listingUrl(context, listing.path, listing.query, listing.count, listing.cursor) }];
  if (next !== undefined) {
    const token = encodePageToken(listing.kind, listing.path, listing.query, next);
    link.push({ relation: 'next', url: listingUrl(context, listing.path, listing.query, listing.count, token) });
  }
  return { resourceType: 'Bundle', type: 'searchset', total, link, entry: entries };
}

/**
 * The answer to a search. Checks what the repository handed over (the type searched, no more
 * than the page size) rather than send a Bundle that misstates the search.
 */
export function searchsetBundle<Type extends SearchableType>(search: FhirSearch<Type>, page: SearchPage<Type>, context: FhirContext): Bundle {
  if (page.resources.length > search.count) throw new Error(`a page of ${search.count} was handed ${page.resources.length} resources`);
  if (page.next && page.resources.length === 0) throw new Error('an empty page has no next page: it has no last entry to resume after');
  const stranger = page.resources.find((resource) => resource.resourceType !== search.resourceType);
  if (stranger) throw new Error(`a ${search.resourceType} search was handed a ${stranger.resourceType}`);
  const entries = page.resources.map((resource) => bundleEntry(context, resource, 'match'));
  const listing = { kind: search.resourceType, path: search.resourceType, query: search.query, count: search.count, cursor: search.cursor };
  return pagedBundle(context, listing, entries, page.total, page.next);
}
