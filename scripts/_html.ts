import fs from 'node:fs';
import { writeTelegramHtmlExport } from '../tests/support/writeTelegramHtmlExport.ts';
const count = Number(process.argv[2] ?? 200000);
fs.rmSync('/tmp/htmlbench', { recursive: true, force: true });
writeTelegramHtmlExport('/tmp/htmlbench/export', count, { name: 'Bench chat (HTML)' });
console.log('written');
