import { arabic } from './ar.ts';
import { german } from './de.ts';
import { english } from './en.ts';
import { spanish } from './es.ts';
import { persian } from './fa.ts';
import { french } from './fr.ts';
import { hebrew } from './he.ts';
import { hindi } from './hi.ts';
import { indonesian } from './id.ts';
import { italian } from './it.ts';
import { japanese } from './ja.ts';
import { korean } from './ko.ts';
import { malay } from './ms.ts';
import { dutch } from './nl.ts';
import { polish } from './pl.ts';
import { portuguese } from './pt.ts';
import { russian } from './ru.ts';
import { turkish } from './tr.ts';
import { ukrainian } from './uk.ts';
import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';
import { chinese } from './zh.ts';

/**
 * Every language whose export wording is known, one line each. Order matters only where two tables share a
 * phrase: the earlier one names the file's language.
 */
export const whatsAppLanguages: readonly WhatsAppLanguage[] = [
  english,
  german,
  dutch,
  spanish,
  portuguese,
  french,
  italian,
  russian,
  ukrainian,
  turkish,
  indonesian,
  polish,
  chinese,
  hindi,
  arabic,
  persian,
  hebrew,
  malay,
  japanese,
  korean,
];
