// The fonts reports embed: DejaVu Sans from the dejavu-fonts-ttf package (free to redistribute
// under the Bitstream Vera licence), which covers Spanish (ñ, á, ¿, ¡...) and most of Europe.
import { readFileSync } from 'node:fs';

const file = (name: string): string => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);

/** Read once per process: every report embeds the subset of glyphs it uses. */
export const REPORT_FONTS = {
  regular: readFileSync(file('DejaVuSans.ttf')),
  bold: readFileSync(file('DejaVuSans-Bold.ttf')),
  italic: readFileSync(file('DejaVuSans-Oblique.ttf')),
};
