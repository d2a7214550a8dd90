// What phrase memory takes in (the workspace's tags) and gives back (entries and their matches in a text).
import { ClaimStatus } from '../model';
import { SuggestionKind } from '../suggest';

/** One tag of the workspace, as phrase memory needs it. */
export interface SourceTag {
  /** Stable id of the document (a URI in the editor, an absolute path in the CLI). */
  document: string;
  /** How the document is named to the user (path relative to the workspace folder). */
  name: string;
  kind: string;
  quote: string;
  start: number;
  end: number;
  status?: ClaimStatus;
}

export interface PhraseSource {
  document: string;
  name: string;
  start: number;
  end: number;
  status?: ClaimStatus;
}

export interface PhraseEntry {
  kind: SuggestionKind;
  /** Normalised words joined by spaces. */
  key: string;
  /** The first quote seen, for lists. */
  quote: string;
  sources: PhraseSource[];
}

export interface PhraseMatch {
  entry: PhraseEntry;
  start: number;
  end: number;
  /** One word of the text sits between two words of the phrase. */
  inserted: boolean;
}
