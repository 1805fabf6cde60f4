// Turns free text into the words worth searching for: lowercased, without accents, without the
// short and common words of English and Spanish (they would match nearly every request).

const STOP_WORDS = new Set((
  'the and for with that this from are was were has have not but you your can cannot when what '
  + 'into does doesn did its our all any some more than then there their they them which while '
  + 'los las del por con para una uno unos unas que como pero sus esta este estos estas ese esa '
  + 'eso hay muy sin sobre entre cuando donde desde hasta tiene tienen puede pueden ser son fue '
  + 'han era mas porque tambien'
).split(' '));

const MAX_TERMS = 32;

export function searchTerms(text: string): string[] {
  const words = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 3 || STOP_WORDS.has(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}
