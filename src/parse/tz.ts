// Time-zone arithmetic is a domain rule (quiet hours use it too); the parsers reach it here.
export * from '../domain/time-zone.js';
