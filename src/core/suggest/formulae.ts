// Register formulae of diplomatic and state-media praise (issue 12, round 9): the fixed noun phrases by which
// communiqués, meeting readouts and state commentary praise talks, ties and efforts ("fruitful talks", "an in-depth
// exchange of views", "a cordial and friendly atmosphere", "win-win cooperation", "unswerving support"). The writer of
// a readout is the government that publishes it, so its ritual praise is the writer's evaluation (annotation
// guideline, test/fixtures/suggest-eval/README.md).
// Provenance: written by the team from its own knowledge of the register, before reading fold A's misses of this
// round; not read off any evaluation text.
import { wordSet, wordsOf } from './wordLists';

/** Words of ritual praise that qualify the nouns of diplomacy ("fruitful", "in-depth", "unswerving"). */
export const FORMULA_MODIFIERS = wordSet('formulae.FORMULA_MODIFIERS', wordsOf(`
  fruitful productive constructive candid frank cordial friendly in-depth substantive pragmatic sincere warm
  comprehensive all-round all-weather time-honoured time-honored traditional profound long-standing longstanding
  enduring everlasting unbreakable unswerving unwavering steadfast ironclad iron-clad firm unremitting tireless
  unstinting historic landmark epoch-making far-reaching strategic win-win mutually-beneficial brotherly fraternal
  good-neighbourly good-neighborly high-level high-quality bright broad vigorous solid healthy steady sound
`));

/** The nouns of diplomacy those words praise: meetings, ties, efforts and outcomes. */
export const FORMULA_HEADS = wordSet('formulae.FORMULA_HEADS', wordsOf(`
  talks discussion discussions exchange exchanges dialogue consultation consultations meeting meetings visit visits
  cooperation partnership partnerships relations relationship ties friendship friendships bond bonds
  commitment commitments support efforts effort contribution contributions consensus prospects prospect future
  momentum impetus vitality chapter era heights milestone significance character development atmosphere spirit
  results outcomes achievements progress trust respect benefit understanding solidarity
`));

/** Fixed formulae, whole ("mutually beneficial", "exchange of views", "new impetus"), each matched word by word. */
export const FORMULA_PHRASES: readonly (readonly string[])[] = `
  mutually beneficial|mutual benefit|mutual trust|mutual respect|win-win|exchange of views|exchanges of views
  new impetus|new momentum|new vitality|new prospects|new chapter|new heights|new era|new level|new high|new stage
  bright future|bright prospects|broad prospects|shared future|common prosperity|great significance
  far-reaching significance|important consensus|highly appreciates|highly appreciated|spoke highly|speaks highly
  attaches great importance|attach great importance|attached great importance|stands ready|joint efforts
  good neighbourliness|good neighborliness|cordial and friendly|frank and in-depth|candid and in-depth
  friendly and candid|friendly and frank|people-to-people friendship|fully demonstrates|fully demonstrated
  vividly demonstrates|once again proves|once again demonstrates
`.split('|').map((p) => p.trim().split(/\s+/)).filter((w) => w.length > 0 && w[0] !== '');
