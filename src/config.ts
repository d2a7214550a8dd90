// Typed configuration, read in one place and re-read when it changes.
import * as vscode from 'vscode';
import { BUILTIN_KINDS } from './core/model';
import { CUSTOM_KIND_COLOR } from './core/kindColors';
import { SidecarLocation } from './core/sidecar/paths';
import { httpUrl } from './core/url';

export type HighlightStyle = 'background' | 'underline' | 'border';

export interface KindConfig {
  id: string;
  label: string;
  /** #rrggbb for custom kinds; built-ins use theme colours instead. */
  color?: string;
  /** Codicon name. */
  icon: string;
  builtin: boolean;
}

export interface ClaimTaggerConfig {
  author: string;
  /** Whether `author` was set by the user (not the platform's default, which never goes into published reports). */
  authorConfigured: boolean;
  sidecarLocation: SidecarLocation;
  highlightStyle: HighlightStyle;
  showGutterIcons: boolean;
  showStatusGlyphs: boolean;
  /** Built-in kinds first, then valid custom kinds from `claimTagger.kinds`. */
  kinds: KindConfig[];
  /** Language ids, or `*` for all. */
  enabledLanguages: string[];
  /** Select the tag under the cursor in the Tags view. */
  followCursor: boolean;
  report: {
    csvBom: boolean;
    /** Published URL of the article (http or https), outlet and default claimant, for ClaimReview and citations. */
    articleUrl?: string;
    outlet?: string;
    claimant?: string;
  };
  team: {
    /** Tags are read from and written to the author's blind copy `<document>.tags.<author>.json`. */
    annotateBlind: boolean;
  };
  suggestions: {
    auto: 'off' | 'onOpen' | 'onType';
    severity: 'hint' | 'information';
    minScore: number;
    extraTerms: Partial<Record<'claim' | 'attribution' | 'opinion', string[]>>;
    ignoredTerms: string[];
    /** Learn from the workspace's tags and decisions (issue 13). */
    learn: boolean;
  };
}

export const SECTION = 'claimTagger';

const BUILTIN_LABELS: Record<string, [string, string]> = {
  claim: ['Claim', 'comment-discussion'],
  attribution: ['Attribution', 'quote'],
  opinion: ['Opinion', 'flame'],
};

/**
 * The settings. `defaultAuthor`: the author when `claimTagger.author` is empty, passed in by the entry point (the
 * OS user name on the desktop; the web has none, there the setting is the only author).
 */
export function readConfig(scope?: vscode.ConfigurationScope, defaultAuthor?: () => string | undefined): ClaimTaggerConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    author: c.get<string>('author')?.trim() || defaultAuthor?.() || '',
    authorConfigured: !!c.get<string>('author')?.trim(),
    sidecarLocation: c.get<SidecarLocation>('sidecar.location') === 'workspaceFolder' ? 'workspaceFolder' : 'beside',
    highlightStyle: oneOf(c.get<string>('highlightStyle'), ['background', 'underline', 'border'] as const, 'background'),
    showGutterIcons: c.get<boolean>('showGutterIcons') ?? true,
    showStatusGlyphs: c.get<boolean>('showStatusGlyphs') ?? true,
    kinds: kinds(c.get<unknown[]>('kinds') ?? []),
    enabledLanguages: c.get<string[]>('enabledLanguages') ?? ['*'],
    followCursor: c.get<boolean>('tree.followCursor') ?? true,
    report: {
      csvBom: c.get<boolean>('report.csvBom') ?? false,
      articleUrl: httpUrl(c.get<string>('report.articleUrl')),
      outlet: c.get<string>('report.outlet')?.trim() || undefined,
      claimant: c.get<string>('report.claimant')?.trim() || undefined,
    },
    team: {
      annotateBlind: c.get<boolean>('team.annotateBlind') === true,
    },
    suggestions: {
      auto: oneOf(c.get<string>('suggestions.auto'), ['off', 'onOpen', 'onType'] as const, 'off'),
      severity: oneOf(c.get<string>('suggestions.severity'), ['hint', 'information'] as const, 'hint'),
      minScore: clamp01(c.get<number>('suggestions.minScore') ?? 0.5),
      extraTerms: c.get<Partial<Record<'claim' | 'attribution' | 'opinion', string[]>>>('suggestions.extraTerms') ?? {},
      ignoredTerms: c.get<string[]>('suggestions.ignoredTerms') ?? [],
      learn: c.get<boolean>('suggestions.learn') ?? true,
    },
  };
}

function kinds(custom: unknown[]): KindConfig[] {
  const out: KindConfig[] = BUILTIN_KINDS.map((id) => ({ id, label: BUILTIN_LABELS[id][0], icon: BUILTIN_LABELS[id][1], builtin: true }));
  for (const k of custom) {
    const o = k as Partial<KindConfig>;
    if (typeof o?.id !== 'string' || !/^[A-Za-z][\w-]*$/.test(o.id) || out.some((x) => x.id === o.id)) continue;
    out.push({
      id: o.id,
      label: typeof o.label === 'string' && o.label ? o.label : o.id,
      color: typeof o.color === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(o.color) ? o.color : CUSTOM_KIND_COLOR,
      icon: typeof o.icon === 'string' && o.icon ? o.icon : 'tag',
      builtin: false,
    });
  }
  return out;
}

export function kindLabel(config: ClaimTaggerConfig, id: string): string {
  return config.kinds.find((k) => k.id === id)?.label ?? id;
}

export function isLanguageEnabled(config: ClaimTaggerConfig, languageId: string): boolean {
  return config.enabledLanguages.includes('*') || config.enabledLanguages.includes(languageId);
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** Fires `listener` when any Claim Tagger setting changes. */
export function onDidChangeConfig(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}
