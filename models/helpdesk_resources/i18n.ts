// Labels of the helpdesk modules in English and Spanish (the manual's own words).
import type { Label } from '../../src/orm/define';

export const l = (en_US: string, es_ES: string): Label => ({ en_US, es_ES });

/** Choices of a selection field, each labelled in both languages. */
export const choices = (rows: [string, string, string][]): [string, Label][] =>
  rows.map(([key, en, es]) => [key, l(en, es)]);
