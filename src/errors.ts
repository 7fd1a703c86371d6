/**
 * Typed errors. Every error says what went wrong with which input and what to do about it; `retryable`
 * tells the crawler whether trying again later can help. The original error is kept as `cause`.
 */
export class VnpressError extends Error {
  /** Whether the same operation may succeed if tried again later (network faults, 5xx, 429). */
  readonly retryable: boolean;
  /** Process exit code when this error ends a CLI command: 1 failure, 2 bad usage. */
  readonly exitCode: number;

  constructor(message: string, options: { cause?: unknown; retryable?: boolean; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.retryable = options.retryable ?? false;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** A file or argument given by the user cannot be used as it is. */
export class InputError extends VnpressError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}

/** A source definition or a setting is invalid. */
export class ConfigError extends VnpressError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}

/**
 * Why a fetch failed, as a short stable code: a crawl's summary and `crawl --status` group failures by it.
 * - http: the server answered with an error status; network: connection refused, reset, DNS;
 * - timeout: connect, headers or body too slow; too-large: over the body or decompressed size cap;
 * - content-type: not a page vnpress reads (an image, a PDF); redirect: a loop, too many, or off the source;
 * - address: a private or loopback address, refused; robots: robots.txt disallows or cannot be read.
 */
export type FetchFailure = 'http' | 'network' | 'timeout' | 'too-large' | 'content-type' | 'redirect' | 'address' | 'robots';

/** Fetching a URL failed; `status` is the HTTP status when the server answered. */
export class FetchError extends VnpressError {
  readonly url: string;
  readonly status: number | undefined;
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  readonly reason: FetchFailure;

  constructor(
    message: string,
    options: { url: string; status?: number; retryable: boolean; retryAfterMs?: number; cause?: unknown; reason?: FetchFailure },
  ) {
    super(message, { cause: options.cause, retryable: options.retryable });
    this.url = options.url;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.reason = options.reason ?? (options.status !== undefined ? 'http' : 'network');
  }
}

/** A fetched page could not be read as an article (no body found, wrong content type, undecodable bytes). */
export class ParseError extends VnpressError {
  readonly url: string;
  constructor(message: string, options: { url: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.url = options.url;
  }
}

/** What a page is when it is not an article: a listing of links, an error page, a login wall. */
export type PageKind = 'listing' | 'error' | 'login';

/** The page holds no article: it is stored as what it is, not as an empty article, and not retried. */
export class NotAnArticleError extends ParseError {
  readonly kind: PageKind;
  constructor(message: string, options: { url: string; kind: PageKind }) {
    super(message, { url: options.url });
    this.kind = options.kind;
  }
}

/** The database cannot be opened or migrated. */
export class StoreError extends VnpressError {}

/**
 * One line for a user. Our own errors are written to be complete; for others the cause's message is added
 * when it says something new. `--debug` shows the cause chain in full.
 */
export function describeError(err: unknown): string {
  if (err instanceof VnpressError) return err.message.replace(/\s*\n\s*/g, ' ');
  if (err instanceof Error) {
    const cause = err.cause instanceof Error && !err.message.includes(err.cause.message) ? ` (${err.cause.message})` : '';
    return `${err.message}${cause}`.replace(/\s*\n\s*/g, ' ');
  }
  return String(err);
}
