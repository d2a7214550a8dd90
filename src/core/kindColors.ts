// The built-in kinds' colours, one table for every place that draws them without the editor's theme colours:
// report files and the report preview (per theme kind), and custom kinds without a colour of their own.
// package.json contributes.colors holds the editor's defaults; a unit test keeps the two in step.
import { BuiltinKind } from './model';

export type ThemePalette = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** Per theme kind: the light theme's kind background without its alpha, the other themes' kind foreground. */
export const KIND_COLORS: Readonly<Record<ThemePalette, Readonly<Record<BuiltinKind, string>>>> = Object.freeze({
  light: Object.freeze({ claim: '#0066cc', attribution: '#1a8a4a', opinion: '#c07000' }),
  dark: Object.freeze({ claim: '#4fa3ff', attribution: '#3fbf7f', opinion: '#e0a03a' }),
  highContrast: Object.freeze({ claim: '#6fc3ff', attribution: '#5fef9f', opinion: '#ffc05a' }),
  highContrastLight: Object.freeze({ claim: '#0044aa', attribution: '#0a5a2a', opinion: '#804000' }),
});

/** A custom kind's colour when its setting gives none (or an invalid one). */
export const CUSTOM_KIND_COLOR = '#8a63d2';
