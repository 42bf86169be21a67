import type Database from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/**
 * A connection to the cache that may be read. better-sqlite3 is used only inside `cache/` (the architecture
 * test holds it): everything else passes these handles to the query functions here.
 */
export type ReadableDB = Database.Database & { readonly [readableBrand]: true };
/** A connection that may also be written: a read-only connection (the export worker's) is not one. */
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };
