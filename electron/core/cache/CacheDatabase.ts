import type Database from 'better-sqlite3';

/** The cache's connection. better-sqlite3 is used only through the cache modules. */
export type CacheDatabase = Database.Database;
